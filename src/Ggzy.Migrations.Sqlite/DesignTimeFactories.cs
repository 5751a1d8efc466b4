using Ggzy.Credit.Data;
using Ggzy.Experts.Data;
using Ggzy.Platform.Data;
using Ggzy.Trading.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ggzy.Migrations.Sqlite;

internal sealed class PlatformContextFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlatformDbContext>()
            .UseGgzyDatabase(DatabaseProvider.Sqlite, "Data Source=design.db", PlatformDbContext.HistoryTable)
            .Options);
}

internal sealed class CreditContextFactory : IDesignTimeDbContextFactory<CreditDbContext>
{
    public CreditDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CreditDbContext>()
            .UseGgzyDatabase(DatabaseProvider.Sqlite, "Data Source=design.db", CreditDbContext.HistoryTable)
            .Options);
}

internal sealed class ExpertsContextFactory : IDesignTimeDbContextFactory<ExpertsDbContext>
{
    public ExpertsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ExpertsDbContext>()
            .UseGgzyDatabase(DatabaseProvider.Sqlite, "Data Source=design.db", ExpertsDbContext.HistoryTable)
            .Options);
}

internal sealed class TradingContextFactory : IDesignTimeDbContextFactory<TradingDbContext>
{
    public TradingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TradingDbContext>()
            .UseGgzyDatabase(DatabaseProvider.Sqlite, "Data Source=design.db", TradingDbContext.HistoryTable)
            .Options);
}
