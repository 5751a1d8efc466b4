using Ggzy.Credit.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Credit.Data;

internal sealed class CommitmentSignatureConfiguration : IEntityTypeConfiguration<CommitmentSignature>
{
    public void Configure(EntityTypeBuilder<CommitmentSignature> e)
    {
        e.ToTable("credit_commitment_signatures");
        e.HasKey(x => x.Id);
        e.HasOne<MarketEntity>().WithMany().HasForeignKey(x => x.MarketEntityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.MarketEntityId, x.Version }).IsUnique();
        e.Property(x => x.Version).HasMaxLength(16);
        e.Property(x => x.TextDigest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.SignedBy).HasMaxLength(50);
        e.Property(x => x.SignedByAccount).HasMaxLength(32);
    }
}
