using Ggzy.Credit.Data;
using Ggzy.Experts.Data;
using Ggzy.Platform.Data;
using Ggzy.Trading.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ggzy.Migrations.Postgres;

internal sealed class PlatformContextFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlatformDbContext>()
            .UseGgzyDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=ggzy_design", PlatformDbContext.HistoryTable)
            .Options);
}

internal sealed class CreditContextFactory : IDesignTimeDbContextFactory<CreditDbContext>
{
    public CreditDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CreditDbContext>()
            .UseGgzyDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=ggzy_design", CreditDbContext.HistoryTable)
            .Options);
}

internal sealed class ExpertsContextFactory : IDesignTimeDbContextFactory<ExpertsDbContext>
{
    public ExpertsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ExpertsDbContext>()
            .UseGgzyDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=ggzy_design", ExpertsDbContext.HistoryTable)
            .Options);
}

internal sealed class TradingContextFactory : IDesignTimeDbContextFactory<TradingDbContext>
{
    public TradingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TradingDbContext>()
            .UseGgzyDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=ggzy_design", TradingDbContext.HistoryTable)
            .Options);
}
