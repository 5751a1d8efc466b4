using Ggzy.Platform.Data;
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
