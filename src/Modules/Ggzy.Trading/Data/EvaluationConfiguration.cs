using Ggzy.Trading.Domain.Evaluation.Room;
using Ggzy.Trading.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Trading.Data;

internal sealed class EvaluationSetupConfiguration : IEntityTypeConfiguration<EvaluationSetup>
{
    public void Configure(EntityTypeBuilder<EvaluationSetup> e)
    {
        e.ToTable("trading_evaluation_setups");
        e.HasKey(x => x.LotId);
        e.Property(x => x.CriteriaJson).HasMaxLength(64000);
        e.Property(x => x.CriteriaDigest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.SetBy).HasMaxLength(32);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasOne<Lot>().WithOne().HasForeignKey<EvaluationSetup>(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationRoomConfiguration : IEntityTypeConfiguration<EvaluationRoom>
{
    public void Configure(EntityTypeBuilder<EvaluationRoom> e)
    {
        e.ToTable("trading_evaluation_rooms");

        // One room per lot.
        e.HasKey(x => x.LotId);
        e.HasIndex(x => x.Stage);
        e.Property(x => x.OpenedBy).HasMaxLength(32);
        e.Property(x => x.CriteriaJson).HasMaxLength(64000);
        e.Property(x => x.CriteriaDigest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.CompetitionArgument).HasMaxLength(2000);
        e.Property(x => x.CompetitionBy).HasMaxLength(32);
        e.Property(x => x.ReportHtml).HasMaxLength(1 << 22);
        e.Property(x => x.ReportDigest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.SignedHtml).HasMaxLength(1 << 22);
        e.Property(x => x.SignedDigest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.PlatformSignature).HasMaxLength(256);
        e.Property(x => x.PlatformKeyFingerprint).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.ResultJson).HasMaxLength(1 << 20);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasOne<Lot>().WithOne().HasForeignKey<EvaluationRoom>(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationMemberConfiguration : IEntityTypeConfiguration<EvaluationMember>
{
    public void Configure(EntityTypeBuilder<EvaluationMember> e)
    {
        e.ToTable("trading_evaluation_members");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.LotId, x.UserName }).IsUnique();
        e.HasIndex(x => x.UserName);
        e.Property(x => x.UserName).HasMaxLength(32);
        e.Property(x => x.DisplayName).HasMaxLength(100);
        e.Property(x => x.Specialty).HasMaxLength(20);
        e.Property(x => x.SiteName).HasMaxLength(200);
        e.HasOne<EvaluationRoom>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationVoteConfiguration : IEntityTypeConfiguration<EvaluationVote>
{
    public void Configure(EntityTypeBuilder<EvaluationVote> e)
    {
        e.ToTable("trading_evaluation_votes");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.LotId, x.Round, x.VoterId }).IsUnique();
        e.HasOne<EvaluationRoom>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationBidConfiguration : IEntityTypeConfiguration<EvaluationBid>
{
    public void Configure(EntityTypeBuilder<EvaluationBid> e)
    {
        e.ToTable("trading_evaluation_bids");
        e.HasKey(x => x.BidId);
        e.HasIndex(x => x.LotId);
        e.Property(x => x.BidderName).HasMaxLength(200);
        e.Property(x => x.ProjectLeader).HasMaxLength(100);
        e.Property(x => x.ProjectLeaderCertificate).HasMaxLength(100);
        e.Property(x => x.RejectionGround).HasMaxLength(500);
        e.Property(x => x.RejectionReason).HasMaxLength(2000);
        e.HasOne<EvaluationRoom>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationReviewConfiguration : IEntityTypeConfiguration<EvaluationReview>
{
    public void Configure(EntityTypeBuilder<EvaluationReview> e)
    {
        e.ToTable("trading_evaluation_reviews");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.LotId, x.Stage, x.MemberId, x.BidId }).IsUnique();
        e.Property(x => x.Ground).HasMaxLength(500);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.HasOne<EvaluationRoom>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationScoreConfiguration : IEntityTypeConfiguration<EvaluationScore>
{
    public void Configure(EntityTypeBuilder<EvaluationScore> e)
    {
        e.ToTable("trading_evaluation_scores");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.LotId, x.MemberId, x.BidId }).IsUnique();
        e.Property(x => x.PointsJson).HasMaxLength(16000);
        e.HasOne<EvaluationRoom>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationScoreRevisionConfiguration : IEntityTypeConfiguration<EvaluationScoreRevision>
{
    public void Configure(EntityTypeBuilder<EvaluationScoreRevision> e)
    {
        e.ToTable("trading_evaluation_score_revisions");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.LotId);
        e.Property(x => x.ItemCode).HasMaxLength(20);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.HasOne<EvaluationRoom>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationJustificationConfiguration : IEntityTypeConfiguration<EvaluationJustification>
{
    public void Configure(EntityTypeBuilder<EvaluationJustification> e)
    {
        e.ToTable("trading_evaluation_justifications");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.LotId);
        e.Property(x => x.FindingKey).HasMaxLength(200);
        e.Property(x => x.Text).HasMaxLength(2000);
        e.Property(x => x.By).HasMaxLength(32);
        e.HasOne<EvaluationRoom>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationCorrectionConfiguration : IEntityTypeConfiguration<EvaluationCorrection>
{
    public void Configure(EntityTypeBuilder<EvaluationCorrection> e)
    {
        e.ToTable("trading_evaluation_corrections");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.LotId, x.BidId });
        e.Property(x => x.ProposalJson).HasMaxLength(64000);
        e.Property(x => x.ProposedBy).HasMaxLength(32);
        e.Property(x => x.DecidedBy).HasMaxLength(32);
        e.HasOne<EvaluationRoom>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationAdjustmentConfiguration : IEntityTypeConfiguration<EvaluationAdjustment>
{
    public void Configure(EntityTypeBuilder<EvaluationAdjustment> e)
    {
        e.ToTable("trading_evaluation_adjustments");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.LotId, x.BidId, x.FactorCode }).IsUnique();
        e.Property(x => x.FactorCode).HasMaxLength(32);
        e.Property(x => x.Value).HasPrecision(18, 4);
        e.Property(x => x.Reason).HasMaxLength(500);
        e.Property(x => x.By).HasMaxLength(32);
        e.HasOne<EvaluationRoom>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationClarificationConfiguration : IEntityTypeConfiguration<EvaluationClarification>
{
    public void Configure(EntityTypeBuilder<EvaluationClarification> e)
    {
        e.ToTable("trading_evaluation_clarifications");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.LotId, x.BidId });
        e.Property(x => x.Question).HasMaxLength(2000);
        e.Property(x => x.AskedBy).HasMaxLength(32);
        e.Property(x => x.Answer).HasMaxLength(4000);
        e.Property(x => x.AnsweredBy).HasMaxLength(32);
        e.HasOne<EvaluationRoom>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationSignatureConfiguration : IEntityTypeConfiguration<EvaluationSignature>
{
    public void Configure(EntityTypeBuilder<EvaluationSignature> e)
    {
        e.ToTable("trading_evaluation_signatures");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.LotId, x.MemberId }).IsUnique();
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.ReportDigest).HasMaxLength(64).IsFixedLength();
        e.HasOne<EvaluationRoom>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}
