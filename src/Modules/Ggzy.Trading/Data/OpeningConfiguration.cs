using Ggzy.Trading.Domain.Bids;
using Ggzy.Trading.Domain.Opening;
using Ggzy.Trading.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Trading.Data;

internal sealed class BidOpeningConfiguration : IEntityTypeConfiguration<BidOpening>
{
    public void Configure(EntityTypeBuilder<BidOpening> e)
    {
        e.ToTable("trading_bid_openings");

        // One opening per lot: the key is the lot, so a second node's extraction cannot insert another.
        e.HasKey(x => x.LotId);
        e.HasIndex(x => x.Stage);
        e.Property(x => x.DecryptionClosedBy).HasMaxLength(32);
        e.Property(x => x.ReadOutBy).HasMaxLength(32);
        e.Property(x => x.ClosedBy).HasMaxLength(32);
        e.Property(x => x.RecordJson).HasMaxLength(1 << 20);
        e.Property(x => x.RecordSignature).HasMaxLength(200);
        e.Property(x => x.RecordDigest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.KeyFingerprint).HasMaxLength(64);
        e.Property(x => x.NotOpenedReason).HasMaxLength(1000);
        e.Property(x => x.NextStep).HasMaxLength(500);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasOne<Lot>().WithOne().HasForeignKey<BidOpening>(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Bids).WithOne().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OpeningBidConfiguration : IEntityTypeConfiguration<OpeningBid>
{
    public void Configure(EntityTypeBuilder<OpeningBid> e)
    {
        e.ToTable("trading_opening_bids");
        e.HasKey(x => x.BidId);
        e.HasIndex(x => new { x.LotId, x.OrganizationId }).IsUnique();
        e.Property(x => x.CreditCode).HasMaxLength(18).IsFixedLength();
        e.Property(x => x.BidderName).HasMaxLength(200);
        e.Property(x => x.Digest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.FailureCode).HasMaxLength(40);
        e.Property(x => x.FailureReason).HasMaxLength(500);
        e.Property(x => x.TotalPrice).HasMaxLength(24);
        e.Property(x => x.ItemsJson).HasMaxLength(32000);
        e.Property(x => x.PriceSheetProblem).HasMaxLength(500);
        e.Property(x => x.SectionsJson).HasMaxLength(32000);
        e.Property(x => x.ConfirmedBy).HasMaxLength(32);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasOne<Bid>().WithOne().HasForeignKey<OpeningBid>(x => x.BidId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OpeningAttendanceConfiguration : IEntityTypeConfiguration<OpeningAttendance>
{
    public void Configure(EntityTypeBuilder<OpeningAttendance> e)
    {
        e.ToTable("trading_opening_attendance");
        e.HasKey(x => x.Id);

        // One sign-in per bidder and lot: a second one finds the first.
        e.HasIndex(x => new { x.LotId, x.OrganizationId }).IsUnique();
        e.Property(x => x.UserName).HasMaxLength(32);
        e.Property(x => x.Method).HasMaxLength(16);
        e.Property(x => x.CertificateFingerprint).HasMaxLength(64);
        e.HasOne<BidOpening>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OpeningObjectionConfiguration : IEntityTypeConfiguration<OpeningObjection>
{
    public void Configure(EntityTypeBuilder<OpeningObjection> e)
    {
        e.ToTable("trading_opening_objections");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.LotId);
        e.Property(x => x.BidderName).HasMaxLength(200);
        e.Property(x => x.RaisedBy).HasMaxLength(32);
        e.Property(x => x.Text).HasMaxLength(2000);
        e.Property(x => x.Answer).HasMaxLength(2000);
        e.Property(x => x.AnsweredBy).HasMaxLength(32);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasOne<BidOpening>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LotOpeningSettingsConfiguration : IEntityTypeConfiguration<LotOpeningSettings>
{
    public void Configure(EntityTypeBuilder<LotOpeningSettings> e)
    {
        e.ToTable("trading_opening_settings");
        e.HasKey(x => x.LotId);
        e.Property(x => x.ItemsJson).HasMaxLength(4000);
        e.Property(x => x.Fallback).HasMaxLength(2000);
        e.Property(x => x.ReferencePrice).HasPrecision(18, 2);
        e.Property(x => x.MaxPrice).HasPrecision(18, 2);
        e.Property(x => x.UpdatedBy).HasMaxLength(32);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasOne<Lot>().WithOne().HasForeignKey<LotOpeningSettings>(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OpeningRecordingConfiguration : IEntityTypeConfiguration<OpeningRecording>
{
    public void Configure(EntityTypeBuilder<OpeningRecording> e)
    {
        e.ToTable("trading_opening_recordings");
        e.HasKey(x => x.Id);

        // The same file is registered once per lot.
        e.HasIndex(x => new { x.LotId, x.Digest }).IsUnique();
        e.Property(x => x.Locator).HasMaxLength(1000);
        e.Property(x => x.Digest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.Note).HasMaxLength(500);
        e.Property(x => x.RegisteredBy).HasMaxLength(32);
        e.HasOne<BidOpening>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}
