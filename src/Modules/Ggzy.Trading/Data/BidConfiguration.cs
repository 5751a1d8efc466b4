using Ggzy.Trading.Domain.Bids;
using Ggzy.Trading.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Trading.Data;

internal sealed class BidUploadConfiguration : IEntityTypeConfiguration<BidUpload>
{
    public void Configure(EntityTypeBuilder<BidUpload> e)
    {
        e.ToTable("trading_bid_uploads");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.LotId, x.State });

        // One open upload per bidder, lot and envelope: a retried start finds it instead of making another.
        e.HasIndex(x => new { x.LotId, x.OrganizationId, x.Digest }).IsUnique().HasFilter("state = 1");
        e.Property(x => x.CreditCode).HasMaxLength(18).IsFixedLength();
        e.Property(x => x.UserName).HasMaxLength(32);
        e.Property(x => x.Digest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.EndReason).HasMaxLength(40);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BidConfiguration : IEntityTypeConfiguration<Bid>
{
    public void Configure(EntityTypeBuilder<Bid> e)
    {
        e.ToTable("trading_bids");
        e.HasKey(x => x.Id);

        // At most one current bid per bidder and lot, even when two submissions complete at once.
        e.HasIndex(x => new { x.LotId, x.OrganizationId }).IsUnique().HasFilter("status = 1");
        e.HasIndex(x => x.OrganizationId);
        e.Property(x => x.CreditCode).HasMaxLength(18).IsFixedLength();
        e.Property(x => x.BidderName).HasMaxLength(200);
        e.Property(x => x.UserName).HasMaxLength(32);
        e.Property(x => x.Digest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.CertificateFingerprint).HasMaxLength(64);
        e.Property(x => x.ToolVersion).HasMaxLength(100);
        e.Property(x => x.MachineId).HasMaxLength(100);
        e.Property(x => x.MacAddress).HasMaxLength(100);
        e.Property(x => x.ReceiptJson).HasMaxLength(2000);
        e.Property(x => x.ReceiptSignature).HasMaxLength(200);
        e.Property(x => x.KeyFingerprint).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.Commitment).HasMaxLength(64).IsFixedLength();
        e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<BidUpload>().WithOne().HasForeignKey<Bid>(x => x.Id).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BidClosingConfiguration : IEntityTypeConfiguration<BidClosing>
{
    public void Configure(EntityTypeBuilder<BidClosing> e)
    {
        e.ToTable("trading_bid_closings");
        e.HasKey(x => x.LotId);
        e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}
