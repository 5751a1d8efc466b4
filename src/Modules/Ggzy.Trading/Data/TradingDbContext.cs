using Ggzy.Platform.Data;
using Ggzy.Platform.Ledger;
using Ggzy.Trading.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Data;

/// <summary>The Trading module's tables (<c>trading_*</c>); maps the Ledger so a change and its entry save together.</summary>
internal sealed class TradingDbContext(DbContextOptions<TradingDbContext> options) : DbContext(options)
{
    public const string HistoryTable = "__trading_migrations";

    public DbSet<CatalogVersion> CatalogVersions => Set<CatalogVersion>();

    public DbSet<CatalogEntry> CatalogEntries => Set<CatalogEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseGgzyConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapLedger();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TradingDbContext).Assembly);
        modelBuilder.UseSnakeCaseColumns();
    }
}
