using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Domain.Pool;
using Ggzy.Experts.Domain.Ratings;
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

    public DbSet<ExpertRating> Ratings => Set<ExpertRating>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseGgzyConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapLedger();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ExpertsDbContext).Assembly);
        modelBuilder.UseSnakeCaseColumns();
    }
}
