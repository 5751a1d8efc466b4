using Ggzy.Trading.Domain.Documents;
using Ggzy.Trading.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Trading.Data;

internal sealed class LotDocumentConfiguration : IEntityTypeConfiguration<LotDocument>
{
    public void Configure(EntityTypeBuilder<LotDocument> e)
    {
        e.ToTable("trading_lot_documents");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.LotId);
        e.HasIndex(x => x.ClarificationId);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.Digest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.UploadedBy).HasMaxLength(32);
        e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Clarification>().WithMany().HasForeignKey(x => x.ClarificationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentDownloadConfiguration : IEntityTypeConfiguration<DocumentDownload>
{
    public void Configure(EntityTypeBuilder<DocumentDownload> e)
    {
        e.ToTable("trading_document_downloads");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.LotId, x.OrganizationId });
        e.Property(x => x.CreditCode).HasMaxLength(18).IsFixedLength();
        e.Property(x => x.OrganizationName).HasMaxLength(200);
        e.Property(x => x.UserName).HasMaxLength(32);
        e.Property(x => x.Digest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.Nonce).HasMaxLength(32).IsFixedLength();
        e.Property(x => x.Seal).HasMaxLength(64).IsFixedLength();
        e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<LotDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClarificationConfiguration : IEntityTypeConfiguration<Clarification>
{
    public void Configure(EntityTypeBuilder<Clarification> e)
    {
        e.ToTable("trading_clarifications");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.LotId, x.Number }).IsUnique();
        e.Property(x => x.Text).HasMaxLength(4000);
        e.Property(x => x.IssuedBy).HasMaxLength(32);
        e.Property(x => x.AdjustmentReason).HasMaxLength(1000);
        e.Property(x => x.AdjustmentCitation).HasMaxLength(300);
        e.Ignore(x => x.DeadlineMoved);
        e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> e)
    {
        e.ToTable("trading_objections");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.LotId);
        e.HasIndex(x => x.OrganizationId);
        e.Property(x => x.CreditCode).HasMaxLength(18).IsFixedLength();
        e.Property(x => x.OrganizationName).HasMaxLength(200);
        e.Property(x => x.RaisedBy).HasMaxLength(32);
        e.Property(x => x.Text).HasMaxLength(4000);
        e.Property(x => x.Assessment).HasMaxLength(1000);
        e.Property(x => x.Answer).HasMaxLength(4000);
        e.Property(x => x.AnsweredBy).HasMaxLength(32);
        e.Ignore(x => x.IsAnswered);
        e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TradingNoticeConfiguration : IEntityTypeConfiguration<TradingNotice>
{
    public void Configure(EntityTypeBuilder<TradingNotice> e)
    {
        e.ToTable("trading_notices");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.OrganizationId, x.ReadAt });
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Body).HasMaxLength(6000);
        e.Property(x => x.ReadBy).HasMaxLength(32);
        e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}
