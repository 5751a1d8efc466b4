using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Trading.Data;

internal sealed class LotSecurityTermsConfiguration : IEntityTypeConfiguration<LotSecurityTerms>
{
    public void Configure(EntityTypeBuilder<LotSecurityTerms> e)
    {
        e.ToTable("trading_bid_security_terms");
        e.HasKey(x => x.LotId);
        e.HasOne<Lot>().WithOne().HasForeignKey<LotSecurityTerms>(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.CustodyAccountNumber);
        e.Property(x => x.BaseAmount).HasPrecision(18, 2);
        e.Property(x => x.Amount).HasPrecision(18, 2);
        e.Property(x => x.Forms).HasMaxLength(200);
        e.Property(x => x.CustodyBank).HasMaxLength(100);
        e.Property(x => x.CustodyAccountName).HasMaxLength(200);
        e.Property(x => x.CustodyAccountNumber).HasMaxLength(40);
        e.Property(x => x.SetBy).HasMaxLength(32);
    }
}

internal sealed class BankReceiptConfiguration : IEntityTypeConfiguration<BankReceipt>
{
    public void Configure(EntityTypeBuilder<BankReceipt> e)
    {
        e.ToTable("trading_bank_receipts");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.ReceiptNumber).IsUnique();
        e.HasIndex(x => x.Status);
        e.HasIndex(x => x.LotId);
        e.Property(x => x.ReceiptNumber).HasMaxLength(64);
        e.Property(x => x.Account).HasMaxLength(40);
        e.Property(x => x.PayerName).HasMaxLength(200);
        e.Property(x => x.PayerAccount).HasMaxLength(40);
        e.Property(x => x.Amount).HasPrecision(18, 2);
        e.Property(x => x.Remark).HasMaxLength(200);
        e.Property(x => x.ImportedBy).HasMaxLength(32);
        e.Property(x => x.Note).HasMaxLength(500);
    }
}

internal sealed class BidDepositConfiguration : IEntityTypeConfiguration<BidDeposit>
{
    public void Configure(EntityTypeBuilder<BidDeposit> e)
    {
        e.ToTable("trading_bid_deposits");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.LotId, x.CreditCode }).IsUnique();
        e.HasIndex(x => x.ReceiptId).IsUnique();
        e.HasIndex(x => x.OrganizationId);
        e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<BankReceipt>().WithMany().HasForeignKey(x => x.ReceiptId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.CreditCode).HasMaxLength(18).IsFixedLength();
        e.Property(x => x.EntityName).HasMaxLength(200);
        e.Property(x => x.Amount).HasPrecision(18, 2);
        e.Property(x => x.MatchedBy).HasMaxLength(32);
    }
}

internal sealed class BidGuaranteeConfiguration : IEntityTypeConfiguration<BidGuarantee>
{
    public void Configure(EntityTypeBuilder<BidGuarantee> e)
    {
        e.ToTable("trading_bid_guarantees");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.LotId, x.OrganizationId }).IsUnique();
        e.HasIndex(x => new { x.Issuer, x.Number }).IsUnique();
        e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.CreditCode).HasMaxLength(18).IsFixedLength();
        e.Property(x => x.EntityName).HasMaxLength(200);
        e.Property(x => x.Issuer).HasMaxLength(200);
        e.Property(x => x.Number).HasMaxLength(64);
        e.Property(x => x.Amount).HasPrecision(18, 2);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.Digest).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.RegisteredBy).HasMaxLength(32);
    }
}

internal sealed class DepositRefundDutyConfiguration : IEntityTypeConfiguration<DepositRefundDuty>
{
    public void Configure(EntityTypeBuilder<DepositRefundDuty> e)
    {
        e.ToTable("trading_bid_refund_duties");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.DepositId, x.Event }).IsUnique();
        e.HasIndex(x => x.LotId);
        e.HasOne<BidDeposit>().WithMany().HasForeignKey(x => x.DepositId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.RuleKey).HasMaxLength(100);
        e.Property(x => x.Citation).HasMaxLength(300);
        e.Property(x => x.Description).HasMaxLength(500);
        e.Property(x => x.BankReference).HasMaxLength(64);
        e.Property(x => x.RecordedBy).HasMaxLength(32);
    }
}
