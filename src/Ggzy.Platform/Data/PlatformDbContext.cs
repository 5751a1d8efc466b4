using Ggzy.Platform.Alerts;
using Ggzy.Platform.Calendar;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Rules;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Platform.Data;

/// <summary>The kernel's tables: the Ledger, identity, organisations, the work calendar, rule overrides, alerts.</summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options)
    : IdentityDbContext<PlatformUser, PlatformRole, Guid>(options), IDataProtectionKeyContext
{
    public const string HistoryTable = "__platform_migrations";

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();

    public DbSet<CalendarPeriod> CalendarPeriods => Set<CalendarPeriod>();

    public DbSet<CalendarWorkday> CalendarWorkdays => Set<CalendarWorkday>();

    public DbSet<RuleOverride> RuleOverrides => Set<RuleOverride>();

    public DbSet<PlatformAlert> Alerts => Set<PlatformAlert>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseGgzyConventions(Database);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.MapLedger(ownsTable: true);
        IdentityTableNames.Apply(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
        builder.UseSnakeCaseColumns();
    }
}
