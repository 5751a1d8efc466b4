using System.Globalization;
using System.Text;
using System.Text.Json;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Ledger;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Domain.Security;
using Ggzy.Trading.Features.Projects;
using Ggzy.Trading.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Demo;

/// <summary>
/// The demo's bid security: terms for the school's works lot (deposit to a custody account or 电子保函) and for the
/// equipment procurement (non-cash only); a bank receipt file with receipts matched and one unmatched (its payer, a branch, is
/// not a registered entity); 恒泰's deposit withdrawn a few days ago, so that its refund is due today; and 恒泰's 电子保函 for the equipment
/// lot. Idempotent: nothing is done once any terms exist or the demo projects are missing.
/// </summary>
internal sealed class BidSecurityDemoSeeder(
    TradingDbContext db, PlatformDbContext platform, StatutoryTimingSource timings, BankReceipts receipts, BidSecurityService security,
    DepositRefunds refunds, LedgerWriter ledger, TimeProvider clock) : IDemoSeeder
{
    /// <summary>The demo custody account of the city center.</summary>
    public const string CustodyAccount = "9901-0000-8800-2026-001";

    public int Order => 140;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.SecurityTerms.AnyAsync(ct))
        {
            return;
        }

        var school = await db.Projects.AsNoTracking().Include(p => p.Lots).SingleOrDefaultAsync(p => p.Name == ProjectDemoSeeder.SchoolProject, ct);
        var equipment = await db.Projects.AsNoTracking().Include(p => p.Lots).SingleOrDefaultAsync(p => p.Name == ProjectDemoSeeder.EquipmentProject, ct);
        var orgs = await platform.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Name, StringComparer.Ordinal, ct);
        var name = (string key) => DemoAccounts.Organizations.Single(o => o.Key == key).Name;
        if (school is null || equipment is null || !orgs.TryGetValue(name("bidder2"), out var bidder2) || !orgs.TryGetValue(name("center"), out var center))
        {
            return;
        }

        var works = school.Lots.Single(l => l.Number == 1);
        var goods = equipment.Lots.Single();
        var now = clock.GetUtcNow();
        var terms = new[]
        {
            await TermsAsync(school, works, 300_000m, [BidSecurityForm.Deposit, BidSecurityForm.ElectronicGuarantee], ct),
            await TermsAsync(equipment, goods, 60_000m, [BidSecurityForm.Guarantee, BidSecurityForm.ElectronicGuarantee], ct),
        };
        db.SecurityTerms.AddRange(terms);
        await ledger.SaveChangesAsync(db, [.. terms.Select(t => new LedgerDraft("trading.security.terms-set", $"lot:{(t.LotId == works.Id ? works : goods).TradeCode}", new
        {
            amount = t.Amount,
            forms = t.Forms,
            custody = t.CustodyAccountNumber,
            validityDays = t.ValidityDays,
            demo = true,
        }))], ct);

        // The withdrawal notice is dated so that its refund is on its last days today, whatever the weekday.
        var timing = await timings.ForRegionAsync(school.RegionCode, ct);
        var noticeAt = Enumerable.Range(1, 12).Select(days => now.AddDays(-days)).FirstOrDefault(at =>
            RefundDuties.StateAt(new RefundDuties(timing).Arising(Regime.Tender, RefundEvent.Withdrawal, at)[0], now).State == RefundState.Due,
            now.AddDays(-4));
        var clerk = new TradingUser("clerk", center.Id, true, false, false);
        await receipts.ImportAsync(clerk, ReceiptFile(works, now, noticeAt.AddDays(-1)), ct);

        var withdrawn = await db.BidDeposits.SingleAsync(d => d.LotId == works.Id && d.EntityName == bidder2.Name, ct);
        withdrawn.WithdrawnAt = noticeAt;
        var duties = await refunds.AddAsync(works, school, RefundEvent.Withdrawal, noticeAt, [withdrawn], ct);
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.security.withdrawal-notice", $"lot:{works.TradeCode}", new
        {
            lot = works.TradeCode,
            creditCodes = new[] { withdrawn.CreditCode },
            duties = duties.Select(d => new { d.Id, d.DueDate, d.Citation }),
            demo = true,
        }), ct);

        var deadline = ChinaDates.Day(goods.Deadline!.Value);
        await security.RegisterGuaranteeAsync(new TradingUser("bidder2", bidder2.Id, false, false, false), goods.Id, new BidGuaranteeInput
        {
            Issuer = "安和融信融资担保有限公司",
            Number = "AHRX-BH-2026-0815",
            Amount = 60_000m,
            ValidFrom = ChinaDates.Day(now),
            ValidUntil = deadline.AddDays(120),
        }, GuaranteePdf(), "恒泰-办公设备采购-电子保函.pdf", ct);
    }

    /// <summary>The demo's bank receipt file (docs/examples/bank-receipts-import.json has the same shape).</summary>
    internal static byte[] ReceiptFile(Lot works, DateTimeOffset now, DateTimeOffset withdrawnPaidAt)
    {
        string At(DateTimeOffset t) => t.ToOffset(Platform.Time.ChinaTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var name = (string key) => DemoAccounts.Organizations.Single(o => o.Key == key).Name;
        var document = new
        {
            format = BankReceipts.CurrentFormat,
            bank = "安和农村商业银行",
            receipts = new object[]
            {
                new { receiptNumber = "AHRCB-20260001", account = CustodyAccount, payerName = name("bidder1"), payerAccount = "9901-2211-3344-5566",
                    amount = 300_000m, receivedAt = At(now.AddDays(-1)), remark = $"投标保证金 {works.TradeCode}" },
                new { receiptNumber = "AHRCB-20260002", account = CustodyAccount, payerName = name("bidder2"), payerAccount = "9901-3322-4455-6677",
                    amount = 300_000m, receivedAt = At(withdrawnPaidAt), remark = $"{works.TradeCode} 保证金" },
                new { receiptNumber = "AHRCB-20260003", account = CustodyAccount, payerName = name("bidder2") + "东湖分公司", payerAccount = "9901-5566-7788-9900",
                    amount = 300_000m, receivedAt = At(now.AddHours(-3)), remark = $"投标保证金 {works.TradeCode}" },
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(document);
    }

    private async Task<LotSecurityTerms> TermsAsync(Project project, Lot lot, decimal amount, BidSecurityForm[] forms, CancellationToken ct)
    {
        var deposit = forms.Contains(BidSecurityForm.Deposit);
        var check = new BidSecurityTerms(project.Regime, lot.EstimatedAmount, amount, forms, deposit ? CustodyAccount : null, 90, 90);
        new BidSecurityValidator(await timings.ForRegionAsync(project.RegionCode, ct)).Check(check).ThrowIfInvalid();
        return new LotSecurityTerms
        {
            LotId = lot.Id,
            BaseAmount = lot.EstimatedAmount,
            Amount = amount,
            Forms = LotSecurityTerms.Join(forms),
            CustodyBank = deposit ? "安和农村商业银行营业部" : null,
            CustodyAccountName = deposit ? "安和市公共资源交易中心投标保证金专户" : null,
            CustodyAccountNumber = deposit ? CustodyAccount : null,
            ValidityDays = 90,
            BidValidityDays = 90,
            SetBy = "agency",
            SetAt = clock.GetUtcNow(),
        };
    }

    /// <summary>A one-page PDF standing for the guarantee the issuer sent.</summary>
    internal static byte[] GuaranteePdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}
