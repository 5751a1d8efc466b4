using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Domain.Pool;
using Ggzy.Experts.Domain.Ratings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Experts.Data;

internal sealed class ExpertRatingConfiguration : IEntityTypeConfiguration<ExpertRating>
{
    public void Configure(EntityTypeBuilder<ExpertRating> e)
    {
        e.ToTable("experts_ratings");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.LotCode).HasMaxLength(32);
        e.Property(x => x.Rater).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.RatedBy).HasMaxLength(64);
        e.Property(x => x.Grade).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.Comment).HasMaxLength(500);
        e.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ExpertDraw>().WithMany().HasForeignKey(x => x.DrawId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<DrawSeat>().WithMany().HasForeignKey(x => x.SeatId).OnDelete(DeleteBehavior.Restrict);

        // 一标一评: one rating per expert, lot and rater. Two at once: one loses.
        e.HasIndex(x => new { x.ExpertId, x.LotId, x.Rater }).IsUnique();
        e.HasIndex(x => x.RatedAt);
    }
}
