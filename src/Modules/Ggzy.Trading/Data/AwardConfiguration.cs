using Ggzy.Trading.Domain.Award;
using Ggzy.Trading.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Trading.Data;

internal sealed class LotAwardConfiguration : IEntityTypeConfiguration<LotAward>
{
    public void Configure(EntityTypeBuilder<LotAward> e)
    {
        e.ToTable("trading_lot_awards");

        // One award per lot: the key is the lot.
        e.HasKey(x => x.LotId);
        e.Property(x => x.ReportDigest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.PublicityJson).HasMaxLength(1 << 16);
        e.Property(x => x.PublicityBy).HasMaxLength(32);
        e.Property(x => x.WinnerName).HasMaxLength(200);
        e.Property(x => x.SkipExplanation).HasMaxLength(1000);
        e.Property(x => x.AwardedBy).HasMaxLength(32);
        e.Property(x => x.NoticeJson).HasMaxLength(1 << 16);
        e.Property(x => x.NoticeSignature).HasMaxLength(200);
        e.Property(x => x.NoticeDigest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.KeyFingerprint).HasMaxLength(64);
        e.Property(x => x.SupervisorReportRecipient).HasMaxLength(200);
        e.Property(x => x.SupervisorReportReference).HasMaxLength(100);
        e.Property(x => x.SupervisorReportRecordedBy).HasMaxLength(32);
        e.Property(x => x.ReportDeliveredTo).HasMaxLength(200);
        e.Property(x => x.ReportDeliveryRecordedBy).HasMaxLength(32);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasIndex(x => x.PublicityStartsAt);
        e.HasIndex(x => x.ResultPublishedAt);
        e.HasOne<Lot>().WithOne().HasForeignKey<LotAward>(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AwardObjectionConfiguration : IEntityTypeConfiguration<AwardObjection>
{
    public void Configure(EntityTypeBuilder<AwardObjection> e)
    {
        e.ToTable("trading_award_objections");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.LotId);
        e.Property(x => x.BidderName).HasMaxLength(200);
        e.Property(x => x.RaisedBy).HasMaxLength(32);
        e.Property(x => x.Text).HasMaxLength(2000);
        e.Property(x => x.Answer).HasMaxLength(2000);
        e.Property(x => x.AnsweredBy).HasMaxLength(32);
        e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LotContractConfiguration : IEntityTypeConfiguration<LotContract>
{
    public void Configure(EntityTypeBuilder<LotContract> e)
    {
        e.ToTable("trading_lot_contracts");
        e.HasKey(x => x.LotId);
        e.Property(x => x.DocumentJson).HasMaxLength(1 << 16);
        e.Property(x => x.Digest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.Terms).HasMaxLength(4000);
        e.Property(x => x.DraftedBy).HasMaxLength(32);
        e.Property(x => x.PurchaserSignedBy).HasMaxLength(32);
        e.Property(x => x.SupplierSignedBy).HasMaxLength(32);
        e.Property(x => x.PublishedBy).HasMaxLength(32);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasIndex(x => x.PublishedAt);
        e.HasOne<Lot>().WithOne().HasForeignKey<LotContract>(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PerformanceRecordConfiguration : IEntityTypeConfiguration<PerformanceRecord>
{
    public void Configure(EntityTypeBuilder<PerformanceRecord> e)
    {
        e.ToTable("trading_performance_records");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.LotId);
        e.Property(x => x.Text).HasMaxLength(2000);
        e.Property(x => x.RecordedBy).HasMaxLength(32);
        e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AwardFilingCorrectionConfiguration : IEntityTypeConfiguration<AwardFilingCorrection>
{
    public void Configure(EntityTypeBuilder<AwardFilingCorrection> e)
    {
        e.ToTable("trading_award_filing_corrections");
        e.HasKey(x => x.Id);
        e.Property(x => x.Reason).HasMaxLength(300);
        e.Property(x => x.CorrectedBy).HasMaxLength(32);
        e.HasIndex(x => new { x.LotId, x.Kind, x.CorrectedAt });
        e.HasOne<LotAward>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}
