using Ggzy.Credit.Domain;
using Ggzy.Platform.Data;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Credit.Data;

/// <summary>The Credit module's tables (<c>credit_*</c>); maps the Ledger so a change and its entry save together.</summary>
internal sealed class CreditDbContext(DbContextOptions<CreditDbContext> options) : DbContext(options)
{
    public const string HistoryTable = "__credit_migrations";

    public DbSet<MarketEntity> MarketEntities => Set<MarketEntity>();

    public DbSet<CommitmentSignature> CommitmentSignatures => Set<CommitmentSignature>();

    public DbSet<CreditRecord> CreditRecords => Set<CreditRecord>();

    public DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();

    public DbSet<EntityPerformance> Performances => Set<EntityPerformance>();

    public DbSet<EntityQualification> Qualifications => Set<EntityQualification>();

    public DbSet<TrustedAuthority> TrustedAuthorities => Set<TrustedAuthority>();

    public DbSet<BoundCertificate> BoundCertificates => Set<BoundCertificate>();

    public DbSet<SignInChallenge> SignInChallenges => Set<SignInChallenge>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseGgzyConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapLedger();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CreditDbContext).Assembly);
        modelBuilder.UseSnakeCaseColumns();
    }
}
