using System.Text.Json;
using Ggzy.Experts.Domain.Draws;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Experts.Data;

internal sealed class ExpertDrawConfiguration : IEntityTypeConfiguration<ExpertDraw>
{
    public void Configure(EntityTypeBuilder<ExpertDraw> e)
    {
        e.ToTable("experts_draws");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Ignore(x => x.Experts);
        e.Ignore(x => x.Holding);
        e.Ignore(x => x.Open);
        e.Property(x => x.LotCode).HasMaxLength(32);
        e.Property(x => x.LotName).HasMaxLength(200);
        e.Property(x => x.ProjectName).HasMaxLength(200);
        e.Property(x => x.Regime).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Method).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.BudgetYuan).HasPrecision(18, 2);
        e.Property(x => x.RegionCode).HasMaxLength(6);
        e.Property(x => x.TendererCode).HasMaxLength(18);
        e.Property(x => x.TendererName).HasMaxLength(200);
        e.Property(x => x.AgencyCode).HasMaxLength(18);
        e.Property(x => x.AgencyName).HasMaxLength(200);
        e.Property(x => x.RequestedBy).HasMaxLength(64);
        e.Property(x => x.Sites).HasConversion(Json<DrawSite>.Converter, Json<DrawSite>.Comparer).HasMaxLength(4000);
        e.Property(x => x.Demands).HasConversion(Json<DemandLine>.Converter, Json<DemandLine>.Comparer).HasMaxLength(4000);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.FailureReason).HasMaxLength(1000);
        e.Property(x => x.PseudonymKey).HasMaxLength(1000);
        e.Property(x => x.ClosedBy).HasMaxLength(64);
        e.Property(x => x.Revision).IsConcurrencyToken();

        // The clock finds draws by state and time; the frequency rule counts past draws by tenderer.
        e.HasIndex(x => new { x.State, x.DrawAt });
        e.HasIndex(x => new { x.TendererCode, x.EvaluationStartsAt });
        e.HasIndex(x => x.LotId);
        e.HasMany(x => x.Rounds).WithOne().HasForeignKey(x => x.DrawId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Seats).WithOne().HasForeignKey(x => x.DrawId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DrawRoundConfiguration : IEntityTypeConfiguration<DrawRound>
{
    public void Configure(EntityTypeBuilder<DrawRound> e)
    {
        e.ToTable("experts_draw_rounds");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasIndex(x => new { x.DrawId, x.Number }).IsUnique();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.SeedProtected).HasMaxLength(1000);
        e.Property(x => x.SeedCommitment).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.Seed).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.SnapshotDigest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.SnapshotPacked).HasMaxLength(16_000_000);
        e.Property(x => x.ExcludedPacked).HasMaxLength(16_000_000);
        e.Property(x => x.SelectionDigest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.Exclusions).HasConversion(Json<ExclusionCount>.Converter, Json<ExclusionCount>.Comparer).HasMaxLength(4000);
    }
}

internal sealed class DrawSeatConfiguration : IEntityTypeConfiguration<DrawSeat>
{
    public void Configure(EntityTypeBuilder<DrawSeat> e)
    {
        e.ToTable("experts_draw_seats");
        e.HasKey(x => x.Id);

        // Ids are made by the platform (version 7): a seat added to a loaded draw's collection is an insert.
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasIndex(x => new { x.DrawId, x.Round, x.Position }).IsUnique();

        // An expert holds at most one seat per draw: a replacement round never draws anyone drawn before.
        e.HasIndex(x => new { x.DrawId, x.ExpertId }).IsUnique();
        e.HasIndex(x => new { x.ExpertId, x.State });
        e.HasIndex(x => new { x.State, x.AnswerBy });
        e.Property(x => x.Specialty).HasMaxLength(16);
        e.Property(x => x.Pseudonym).HasMaxLength(32).IsFixedLength();
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.AnswerCode).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.DeclineReason).HasMaxLength(200);
        e.Property(x => x.SignInCode).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.CommitmentVersion).HasMaxLength(16);
        e.Property(x => x.CommitmentDigest).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class SimulatedMessageConfiguration : IEntityTypeConfiguration<SimulatedMessage>
{
    public void Configure(EntityTypeBuilder<SimulatedMessage> e)
    {
        e.ToTable("experts_simulated_messages");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedOnAdd();
        e.Property(x => x.ExpertCode).HasMaxLength(16);
        e.Property(x => x.Recipient).HasMaxLength(32);
        e.Property(x => x.Channel).HasMaxLength(16);
        e.Property(x => x.Purpose).HasMaxLength(32);
        e.Property(x => x.Text).HasMaxLength(1000);
        e.HasIndex(x => x.SentAt);
        e.HasIndex(x => x.ExpertId);
    }
}

/// <summary>A list of records stored as one JSON text column, compared by content.</summary>
internal static class Json<T>
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<T>, string> Converter = new(
        v => JsonSerializer.Serialize(v, Options),
        s => JsonSerializer.Deserialize<List<T>>(s, Options) ?? new List<T>());

    public static readonly ValueComparer<List<T>> Comparer = new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)),
        v => v.ToList());
}
