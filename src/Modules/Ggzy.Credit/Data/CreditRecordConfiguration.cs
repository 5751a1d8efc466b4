using Ggzy.Credit.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Credit.Data;

internal sealed class CreditRecordConfiguration : IEntityTypeConfiguration<CreditRecord>
{
    public void Configure(EntityTypeBuilder<CreditRecord> e)
    {
        e.ToTable("credit_records");
        e.HasKey(x => x.Id);
        e.Ignore(x => x.InForceFrom);
        e.Ignore(x => x.InForceUntil);
        e.Property(x => x.SubjectKind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.SubjectKey).HasMaxLength(64);
        e.Property(x => x.SubjectCode).HasMaxLength(18);
        e.Property(x => x.SubjectName).HasMaxLength(200);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.Action).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Reason).HasMaxLength(500);
        e.Property(x => x.DecisionNumber).HasMaxLength(100);
        e.Property(x => x.DecidingBody).HasMaxLength(200);
        e.Property(x => x.Facts).HasMaxLength(2000);
        e.Property(x => x.SourceSystem).HasMaxLength(100);
        e.Property(x => x.ConfidentialBasis).HasMaxLength(200);
        e.Property(x => x.EnteredBy).HasMaxLength(64);
        e.Property(x => x.EnteredByOrganization).HasMaxLength(64);

        e.HasOne<CreditRecord>().WithMany().HasForeignKey(x => x.RefersToId).OnDelete(DeleteBehavior.Restrict);

        // A record is corrected or revoked once; the next correction refers to the newer version. Two at once: one loses.
        e.HasIndex(x => x.RefersToId).IsUnique();

        // Re-importing a file adds nothing: one record per source system, decision number, kind and action.
        e.HasIndex(x => new { x.SourceSystem, x.DecisionNumber, x.Kind, x.Action }).IsUnique();
        e.HasIndex(x => new { x.SubjectKey, x.DecisionDate });
        e.HasIndex(x => x.EnteredAt);
    }
}
