using Ggzy.Credit.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Credit.Data;

internal sealed class EntityPerformanceConfiguration : IEntityTypeConfiguration<EntityPerformance>
{
    public void Configure(EntityTypeBuilder<EntityPerformance> e)
    {
        e.ToTable("credit_performances");
        e.HasKey(x => x.Id);
        e.HasOne<MarketEntity>().WithMany().HasForeignKey(x => x.MarketEntityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<EntityPerformance>().WithMany().HasForeignKey(x => x.ReplacesId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.MarketEntityId);
        e.Property(x => x.ProjectName).HasMaxLength(200);
        e.Property(x => x.Client).HasMaxLength(200);
        e.Property(x => x.Amount).HasPrecision(18, 2);
        e.Property(x => x.Description).HasMaxLength(1000);
        e.Property(x => x.RecordedBy).HasMaxLength(32);
        e.Property(x => x.WithdrawnBy).HasMaxLength(32);
    }
}

internal sealed class EntityQualificationConfiguration : IEntityTypeConfiguration<EntityQualification>
{
    public void Configure(EntityTypeBuilder<EntityQualification> e)
    {
        e.ToTable("credit_qualifications");
        e.HasKey(x => x.Id);
        e.HasOne<MarketEntity>().WithMany().HasForeignKey(x => x.MarketEntityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<EntityQualification>().WithMany().HasForeignKey(x => x.ReplacesId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.MarketEntityId);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.CertificateNumber).HasMaxLength(64);
        e.Property(x => x.IssuingAuthority).HasMaxLength(100);
        e.Property(x => x.Level).HasMaxLength(50);
        e.Property(x => x.RecordedBy).HasMaxLength(32);
        e.Property(x => x.WithdrawnBy).HasMaxLength(32);
    }
}
