using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Domain.Pool;
using Ggzy.Experts.Domain.Reviews;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Platform.Data;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Experts.Data;

/// <summary>The Experts module's tables (<c>experts_*</c>); maps the Ledger so a change and its entry save together.</summary>
internal sealed class ExpertsDbContext(DbContextOptions<ExpertsDbContext> options) : DbContext(options)
{
    public const string HistoryTable = "__experts_migrations";

    public DbSet<Specialty> Specialties => Set<Specialty>();

    public DbSet<Expert> Experts => Set<Expert>();

    public DbSet<ExpertSpecialty> ExpertSpecialties => Set<ExpertSpecialty>();

    public DbSet<ExpertEmployment> Employments => Set<ExpertEmployment>();

    public DbSet<ExpertRelative> Relatives => Set<ExpertRelative>();

    public DbSet<ExpertLeave> Leaves => Set<ExpertLeave>();

    public DbSet<ExpertStatusChange> StatusChanges => Set<ExpertStatusChange>();

    public DbSet<ExpertDraw> Draws => Set<ExpertDraw>();

    public DbSet<DrawRound> DrawRounds => Set<DrawRound>();

    public DbSet<DrawSeat> DrawSeats => Set<DrawSeat>();

    public DbSet<SimulatedMessage> SimulatedMessages => Set<SimulatedMessage>();

    public DbSet<ExpertReview> Reviews => Set<ExpertReview>();

    public DbSet<PoolVersion> PoolVersions => Set<PoolVersion>();

    /// <summary>
    /// Saves, raising the pool's change counter in the same transaction when an expert, a held specialty, a job, a
    /// relative, a leave or a status changes, so that no node draws from a stale copy of the pool (<see cref="PoolVersion"/>).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangesPool())
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null;
        await using var transaction = own ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await PoolVersions.Where(v => v.Id == PoolVersion.SingletonId)
            .ExecuteUpdateAsync(v => v.SetProperty(x => x.Value, x => x.Value + 1), cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!ChangesPool())
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        var own = Database.CurrentTransaction is null;
        using var transaction = own ? Database.BeginTransaction() : null;
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        PoolVersions.Where(v => v.Id == PoolVersion.SingletonId).ExecuteUpdate(v => v.SetProperty(x => x.Value, x => x.Value + 1));
        transaction?.Commit();
        return saved;
    }

    private bool ChangesPool() => ChangeTracker.Entries().Any(e =>
        e.Entity is Expert or ExpertSpecialty or ExpertEmployment or ExpertRelative or ExpertLeave or ExpertStatusChange
        && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseGgzyConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapLedger();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ExpertsDbContext).Assembly);
        modelBuilder.UseSnakeCaseColumns();
    }
}
