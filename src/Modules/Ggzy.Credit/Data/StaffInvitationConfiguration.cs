using Ggzy.Credit.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Credit.Data;

internal sealed class StaffInvitationConfiguration : IEntityTypeConfiguration<StaffInvitation>
{
    public void Configure(EntityTypeBuilder<StaffInvitation> e)
    {
        e.ToTable("credit_staff_invitations");
        e.HasKey(x => x.Id);
        e.HasOne<MarketEntity>().WithMany().HasForeignKey(x => x.MarketEntityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.MarketEntityId);
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.Property(x => x.DisplayName).HasMaxLength(50);
        e.Property(x => x.TokenHash).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.CreatedBy).HasMaxLength(32);
        e.Property(x => x.RevokedBy).HasMaxLength(32);
        e.Property(x => x.AcceptedUserName).HasMaxLength(32);
    }
}
