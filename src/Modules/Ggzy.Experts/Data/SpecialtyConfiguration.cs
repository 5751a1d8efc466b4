using Ggzy.Experts.Domain.Specialties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Experts.Data;

internal sealed class SpecialtyConfiguration : IEntityTypeConfiguration<Specialty>
{
    public void Configure(EntityTypeBuilder<Specialty> e)
    {
        e.ToTable("experts_specialties");
        e.HasKey(x => x.Code);
        e.Ignore(x => x.Level);
        e.Property(x => x.Code).HasMaxLength(16);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.ParentCode).HasMaxLength(16);
        e.Property(x => x.Sector).HasConversion<string>().HasMaxLength(16);
    }
}
