using Ggzy.Trading.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Trading.Data;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> e)
    {
        e.ToTable("trading_projects");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.TradeCode).IsUnique();
        e.HasIndex(x => x.TendererId);
        e.HasIndex(x => x.AgencyId);
        e.HasIndex(x => x.Status);
        e.Property(x => x.TradeCode).HasMaxLength(TradeCodes.ProjectLength).IsFixedLength();
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Sector).HasMaxLength(20);
        e.Property(x => x.ProjectType).HasMaxLength(50);
        e.Property(x => x.SupervisoryDepartment).HasMaxLength(20);
        e.Property(x => x.RegionCode).HasMaxLength(6).IsFixedLength();
        e.Property(x => x.TendererCode).HasMaxLength(18).IsFixedLength();
        e.Property(x => x.TendererName).HasMaxLength(200);
        e.Property(x => x.AgencyCode).HasMaxLength(18).IsFixedLength();
        e.Property(x => x.AgencyName).HasMaxLength(200);
        e.Property(x => x.RegisteredBy).HasMaxLength(32);
        e.Property(x => x.ApprovalNumber).HasMaxLength(100);
        e.Property(x => x.ApprovalAuthority).HasMaxLength(200);
        e.Property(x => x.FundingSource).HasMaxLength(200);
        e.Property(x => x.FundingAmount).HasPrecision(18, 2);
        e.Property(x => x.CatalogCitation).HasMaxLength(300);
        e.Property(x => x.CenterName).HasMaxLength(200);
        e.Property(x => x.DecisionNote).HasMaxLength(1000);
        e.Property(x => x.DecidedBy).HasMaxLength(32);
        e.Property(x => x.RegulatorConfirmedBy).HasMaxLength(32);
        e.Property(x => x.ExemptionBasis).HasMaxLength(500);
        e.Ignore(x => x.IsAccepted);

        // Every decision moves the status on; two decisions on the same registration at once must not both be saved.
        e.Property(x => x.Status).IsConcurrencyToken();
        e.HasMany(x => x.Lots).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Files).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProjectFileConfiguration : IEntityTypeConfiguration<ProjectFile>
{
    public void Configure(EntityTypeBuilder<ProjectFile> e)
    {
        e.ToTable("trading_project_files");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.ProjectId);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.Digest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.UploadedBy).HasMaxLength(32);
    }
}

internal sealed class LotConfiguration : IEntityTypeConfiguration<Lot>
{
    public void Configure(EntityTypeBuilder<Lot> e)
    {
        e.ToTable("trading_lots");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.TradeCode).IsUnique();
        e.HasIndex(x => new { x.ProjectId, x.Number }).IsUnique();
        e.HasIndex(x => x.State);
        e.Property(x => x.TradeCode).HasMaxLength(TradeCodes.LotLength).IsFixedLength();
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.EstimatedAmount).HasPrecision(18, 2);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LotStepConfiguration : IEntityTypeConfiguration<LotStep>
{
    public void Configure(EntityTypeBuilder<LotStep> e)
    {
        e.ToTable("trading_lot_steps");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.LotId);
        e.Property(x => x.Reason).HasMaxLength(500);
        e.Property(x => x.Actor).HasMaxLength(32);
    }
}
