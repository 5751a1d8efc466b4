using Ggzy.Trading.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Trading.Data;

internal sealed class CatalogVersionConfiguration : IEntityTypeConfiguration<CatalogVersion>
{
    public void Configure(EntityTypeBuilder<CatalogVersion> e)
    {
        e.ToTable("trading_catalog_versions");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.Number).IsUnique();
        e.Property(x => x.Basis).HasMaxLength(500);
        e.Property(x => x.DraftedBy).HasMaxLength(32);
        e.Property(x => x.SubmittedBy).HasMaxLength(32);
        e.Property(x => x.DecidedBy).HasMaxLength(32);
        e.Property(x => x.PublishedBy).HasMaxLength(32);
        e.Property(x => x.RejectionReason).HasMaxLength(500);
        e.Ignore(x => x.IsPublished);
        e.Ignore(x => x.IsEditable);
        e.HasMany(x => x.Entries).WithOne().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CatalogEntryConfiguration : IEntityTypeConfiguration<CatalogEntry>
{
    public void Configure(EntityTypeBuilder<CatalogEntry> e)
    {
        e.ToTable("trading_catalog_entries");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.VersionId);
        e.Property(x => x.Sector).HasMaxLength(20);
        e.Property(x => x.ProjectType).HasMaxLength(50);
        e.Property(x => x.ThresholdAmount).HasPrecision(18, 2);
        e.Property(x => x.Currency).HasMaxLength(3).IsFixedLength();
        e.Property(x => x.RegionCode).HasMaxLength(6).IsFixedLength();
        e.Property(x => x.Citation).HasMaxLength(300);
    }
}
