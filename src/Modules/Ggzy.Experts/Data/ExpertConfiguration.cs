using Ggzy.Experts.Domain.Pool;
using Ggzy.Experts.Domain.Specialties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Experts.Data;

internal sealed class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> e)
    {
        e.ToTable("experts_experts");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Ignore(x => x.Code);
        e.Ignore(x => x.SeniorEquivalent);
        e.Ignore(x => x.CurrentEmployment);
        e.Property(x => x.IdentityCipher).HasMaxLength(4000);
        e.Property(x => x.IdentityKey).HasMaxLength(64);
        e.Property(x => x.TitleName).HasMaxLength(50);
        e.Property(x => x.TitleLevel).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.SeniorEquivalence).HasMaxLength(100);
        e.Property(x => x.RegionCode).HasMaxLength(6);

        // One expert per person: the ID-number digest is unique; the pool number is the pseudonym's source.
        e.HasIndex(x => x.IdentityKey).IsUnique();
        e.HasIndex(x => x.Number).IsUnique();
        e.HasIndex(x => x.UserId).IsUnique();

        e.HasMany(x => x.Specialties).WithOne().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Employments).WithOne().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Relatives).WithOne().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Leaves).WithOne().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.StatusChanges).WithOne().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExpertSpecialtyConfiguration : IEntityTypeConfiguration<ExpertSpecialty>
{
    public void Configure(EntityTypeBuilder<ExpertSpecialty> e)
    {
        e.ToTable("experts_expert_specialties");
        e.HasKey(x => new { x.ExpertId, x.SpecialtyCode });
        e.Property(x => x.SpecialtyCode).HasMaxLength(16);
        e.HasOne<Specialty>().WithMany().HasForeignKey(x => x.SpecialtyCode).OnDelete(DeleteBehavior.Restrict);

        // The draw starts from the specialties: experts by code.
        e.HasIndex(x => new { x.SpecialtyCode, x.ExpertId });
    }
}

internal sealed class ExpertEmploymentConfiguration : IEntityTypeConfiguration<ExpertEmployment>
{
    public void Configure(EntityTypeBuilder<ExpertEmployment> e)
    {
        e.ToTable("experts_employments");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.EmployerCreditCode).HasMaxLength(18);
        e.Property(x => x.EmployerName).HasMaxLength(200);

        // Recusal looks experts up by the credit codes of the tenderer, the agency and the bidders, and reads no more of
        // a job than the index holds (the draw reads the jobs at a lot's parties without a row lookup each).
        e.HasIndex(x => new { x.EmployerCreditCode, x.ExpertId, x.From, x.Until }).HasDatabaseName("IX_experts_employments_employer_jobs");
        e.HasIndex(x => x.ExpertId);
    }
}

internal sealed class ExpertRelativeConfiguration : IEntityTypeConfiguration<ExpertRelative>
{
    public void Configure(EntityTypeBuilder<ExpertRelative> e)
    {
        e.ToTable("experts_relatives");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Relationship).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.NameCipher).HasMaxLength(1000);
        e.Property(x => x.EmployerCreditCode).HasMaxLength(18);
        e.Property(x => x.EmployerName).HasMaxLength(200);
        e.HasIndex(x => x.EmployerCreditCode);
        e.HasIndex(x => x.ExpertId);
    }
}

internal sealed class ExpertLeaveConfiguration : IEntityTypeConfiguration<ExpertLeave>
{
    public void Configure(EntityTypeBuilder<ExpertLeave> e)
    {
        e.ToTable("experts_leaves");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Reason).HasMaxLength(200);
        e.Property(x => x.RecordedBy).HasMaxLength(64);
        e.HasIndex(x => new { x.ExpertId, x.Until });
    }
}

internal sealed class ExpertStatusChangeConfiguration : IEntityTypeConfiguration<ExpertStatusChange>
{
    public void Configure(EntityTypeBuilder<ExpertStatusChange> e)
    {
        e.ToTable("experts_status_changes");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Reason).HasMaxLength(500);
        e.Property(x => x.Basis).HasMaxLength(200);
        e.Property(x => x.DecidedBy).HasMaxLength(64);
        e.Property(x => x.DecidedByRole).HasMaxLength(256);
        e.HasOne<ExpertStatusChange>().WithMany().HasForeignKey(x => x.LiftsId).OnDelete(DeleteBehavior.Restrict);

        // An entry is lifted once.
        e.HasIndex(x => x.LiftsId).IsUnique();
        e.HasIndex(x => new { x.ExpertId, x.RecordedAt });
        e.HasIndex(x => new { x.Status, x.RecordedAt });
    }
}

internal sealed class PoolVersionConfiguration : IEntityTypeConfiguration<PoolVersion>
{
    public void Configure(EntityTypeBuilder<PoolVersion> e)
    {
        e.ToTable("experts_pool_version");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasData(new PoolVersion { Id = PoolVersion.SingletonId, Value = 0 });
    }
}
