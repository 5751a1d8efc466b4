using Ggzy.Trading.Domain.Announcements;
using Ggzy.Trading.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Trading.Data;

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> e)
    {
        e.ToTable("trading_announcements");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.ProjectId);
        e.HasIndex(x => new { x.Status, x.PublishAt });
        e.HasIndex(x => x.PublishedAt);
        e.HasIndex(x => x.AmendsId);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.ProjectName).HasMaxLength(200);
        e.Property(x => x.ProjectTradeCode).HasMaxLength(TradeCodes.ProjectLength).IsFixedLength();
        e.Property(x => x.RegionCode).HasMaxLength(6).IsFixedLength();
        e.Property(x => x.Sector).HasMaxLength(20);
        e.Property(x => x.TendererName).HasMaxLength(200);
        e.Property(x => x.AgencyName).HasMaxLength(200);
        e.Property(x => x.Scope).HasMaxLength(AnnouncementContent.LongText);
        e.Property(x => x.Scale).HasMaxLength(AnnouncementContent.ShortText);
        e.Property(x => x.Funding).HasMaxLength(AnnouncementContent.ShortText);
        e.Property(x => x.Qualifications).HasMaxLength(AnnouncementContent.LongText);
        e.Property(x => x.DocumentsMethod).HasMaxLength(AnnouncementContent.ShortText);
        e.Property(x => x.SubmissionMethod).HasMaxLength(AnnouncementContent.ShortText);
        e.Property(x => x.PlatformAddress).HasMaxLength(AnnouncementContent.ShortText);
        e.Property(x => x.Contacts).HasMaxLength(AnnouncementContent.ShortText);
        e.Property(x => x.Changes).HasMaxLength(AnnouncementContent.LongText);
        e.Property(x => x.ChangeReason).HasMaxLength(AnnouncementContent.ShortText);
        e.Property(x => x.PublishedBy).HasMaxLength(32);
        e.Property(x => x.CreatedBy).HasMaxLength(32);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.Ignore(x => x.IsAmendment);
        e.Ignore(x => x.IsPublic);
        e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Announcement>().WithMany().HasForeignKey(x => x.AmendsId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Lots).WithOne().HasForeignKey(x => x.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Invitees).WithOne().HasForeignKey(x => x.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnnouncementLotConfiguration : IEntityTypeConfiguration<AnnouncementLot>
{
    public void Configure(EntityTypeBuilder<AnnouncementLot> e)
    {
        e.ToTable("trading_announcement_lots");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.AnnouncementId);
        e.HasIndex(x => x.LotId);
        e.Property(x => x.LotName).HasMaxLength(200);
        e.Property(x => x.LotTradeCode).HasMaxLength(TradeCodes.LotLength).IsFixedLength();
        e.Property(x => x.EstimatedAmount).HasPrecision(18, 2);
        e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AnnouncementInviteeConfiguration : IEntityTypeConfiguration<AnnouncementInvitee>
{
    public void Configure(EntityTypeBuilder<AnnouncementInvitee> e)
    {
        e.ToTable("trading_announcement_invitees");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.AnnouncementId, x.CreditCode }).IsUnique();
        e.HasIndex(x => x.OrganizationId);
        e.Property(x => x.CreditCode).HasMaxLength(18).IsFixedLength();
        e.Property(x => x.Name).HasMaxLength(200);
    }
}

internal sealed class AnnouncementAttachmentConfiguration : IEntityTypeConfiguration<AnnouncementAttachment>
{
    public void Configure(EntityTypeBuilder<AnnouncementAttachment> e)
    {
        e.ToTable("trading_announcement_attachments");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.AnnouncementId);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.Digest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.UploadedBy).HasMaxLength(32);
    }
}

internal sealed class InviteeDrawConfiguration : IEntityTypeConfiguration<InviteeDraw>
{
    public void Configure(EntityTypeBuilder<InviteeDraw> e)
    {
        e.ToTable("trading_invitee_draws");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.AnnouncementId);
        e.Property(x => x.Candidates).HasMaxLength(20000);
        e.Property(x => x.Drawn).HasMaxLength(4000);
        e.Property(x => x.Witnesses).HasMaxLength(200);
        e.Property(x => x.By).HasMaxLength(32);
        e.HasOne<Announcement>().WithMany().HasForeignKey(x => x.AnnouncementId).OnDelete(DeleteBehavior.Restrict);
    }
}
