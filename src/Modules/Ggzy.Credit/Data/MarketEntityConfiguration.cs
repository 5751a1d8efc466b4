using Ggzy.Credit.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Credit.Data;

internal sealed class MarketEntityConfiguration : IEntityTypeConfiguration<MarketEntity>
{
    public void Configure(EntityTypeBuilder<MarketEntity> e)
    {
        e.ToTable("credit_market_entities");
        e.HasKey(x => x.Id);
        e.Property(x => x.CreditCode).HasMaxLength(18).IsFixedLength();
        e.HasIndex(x => x.CreditCode).IsUnique();
        e.HasIndex(x => x.OrganizationId).IsUnique();
        e.Property(x => x.LegalName).HasMaxLength(200);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.RegionCode).HasMaxLength(6).IsFixedLength();
        e.Property(x => x.LegalRepresentative).HasMaxLength(50);
        e.Property(x => x.ContactPerson).HasMaxLength(50);
        e.Property(x => x.ContactPhone).HasMaxLength(20);
    }
}
