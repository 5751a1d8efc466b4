using Ggzy.Trading.Domain.Archive;
using Ggzy.Trading.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Trading.Data;

internal sealed class LotArchiveConfiguration : IEntityTypeConfiguration<LotArchive>
{
    public void Configure(EntityTypeBuilder<LotArchive> e)
    {
        e.ToTable("trading_lot_archives");
        e.HasKey(x => x.LotId);
        e.HasIndex(x => x.PackageId).IsUnique();
        e.Property(x => x.Digest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.RetentionBasis).HasMaxLength(1000);
        e.Property(x => x.KeyFingerprint).HasMaxLength(64).IsFixedLength();
        e.HasOne<Lot>().WithOne().HasForeignKey<LotArchive>(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LotRetenderConfiguration : IEntityTypeConfiguration<LotRetender>
{
    public void Configure(EntityTypeBuilder<LotRetender> e)
    {
        e.ToTable("trading_lot_retenders");
        e.HasKey(x => x.LotId);

        // A failed lot is re-tendered once; a further failure is re-tendered from the new lot.
        e.HasIndex(x => x.PredecessorId).IsUnique();
        e.Property(x => x.Reason).HasMaxLength(500);
        e.Property(x => x.CreatedBy).HasMaxLength(32);
        e.HasOne<Lot>().WithOne().HasForeignKey<LotRetender>(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Lot>().WithMany().HasForeignKey(x => x.PredecessorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LotTerminationRequestConfiguration : IEntityTypeConfiguration<LotTerminationRequest>
{
    public void Configure(EntityTypeBuilder<LotTerminationRequest> e)
    {
        e.ToTable("trading_lot_termination_requests");
        e.HasKey(x => x.Id);
        e.Property(x => x.Ground).HasMaxLength(40);
        e.Property(x => x.Detail).HasMaxLength(300);
        e.Property(x => x.RequestedBy).HasMaxLength(32);
        e.Property(x => x.DecidedBy).HasMaxLength(32);
        e.Property(x => x.DecisionNote).HasMaxLength(300);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasIndex(x => new { x.LotId, x.RequestedAt });
        e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}
