using Microsoft.EntityFrameworkCore;

namespace Ggzy.Platform.Ledger;

public static class LedgerModelBuilderExtensions
{
    /// <summary>
    /// Maps the Ledger table into a module's context so that the module's change and its entry are saved together.
    /// Only the Platform context owns the table's migrations.
    /// </summary>
    public static ModelBuilder MapLedger(this ModelBuilder modelBuilder, bool ownsTable = false)
    {
        modelBuilder.Entity<LedgerEntry>(e =>
        {
            e.ToTable("ledger_entries", t =>
            {
                if (!ownsTable)
                {
                    t.ExcludeFromMigrations();
                }
            });
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.Property(x => x.Actor).HasMaxLength(128);
            e.Property(x => x.Role).HasMaxLength(256);
            e.Property(x => x.Organization).HasMaxLength(64);
            e.Property(x => x.ClientIp).HasMaxLength(64);
            e.Property(x => x.Type).HasMaxLength(128);
            e.Property(x => x.Subject).HasMaxLength(256);
            e.Property(x => x.PreviousHash).HasMaxLength(64).IsFixedLength();
            e.Property(x => x.Hash).HasMaxLength(64).IsFixedLength();
            e.HasIndex(x => new { x.Subject, x.Sequence });
        });
        return modelBuilder;
    }
}
