using System.Globalization;
using System.Text;
using System.Text.Json;
using Ggzy.Platform.Demo;
using Ggzy.Trading.Data;
using Ggzy.Trading.Demo;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Security;
using Ggzy.Trading.Features.Projects;
using Ggzy.Trading.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Tests.Security;

/// <summary>
/// The setting of the bid security tests: the demo's market entities registered in Credit and the demo projects (the
/// school's works lot on sale, its supervision lot a draft, the equipment procurement announced), with terms for the works
/// lot (300,000 元, deposit to <see cref="Custody"/> or 电子保函, 90 days).
/// </summary>
internal static class BidSecuritySteps
{
    public const string Custody = "9901-0000-8800-2026-001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<TradingTestHost> HostAsync()
    {
        var host = await TradingTestHost.CreateAsync(Ct);
        await host.RunAsync(sp => CreditEntities(sp).SeedAsync(Ct));
        await host.RunAsync(sp => ActivatorUtilities.CreateInstance<ProjectDemoSeeder>(sp).SeedAsync(Ct));
        await host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<TradingDbContext>();
            var works = await WorksAsync(db);
            db.SecurityTerms.Add(new LotSecurityTerms
            {
                LotId = works.Id,
                BaseAmount = works.EstimatedAmount,
                Amount = 300_000m,
                Forms = LotSecurityTerms.Join([BidSecurityForm.Deposit, BidSecurityForm.ElectronicGuarantee]),
                CustodyBank = "安和农村商业银行营业部",
                CustodyAccountName = "安和市公共资源交易中心投标保证金专户",
                CustodyAccountNumber = Custody,
                ValidityDays = 90,
                BidValidityDays = 90,
                SetBy = "agency",
                SetAt = host.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(Ct);
        });
        return host;
    }

    /// <summary>Credit's demo seeder that registers the demo market entities (the host's organisations have their names).</summary>
    public static IDemoSeeder CreditEntities(IServiceProvider sp) => (IDemoSeeder)ActivatorUtilities.CreateInstance(sp,
        typeof(Ggzy.Credit.CreditModule).Assembly.GetType("Ggzy.Credit.Demo.CreditDemoSeeder", throwOnError: true)!);

    public static Task<Lot> WorksAsync(TradingDbContext db) => LotAsync(db, ProjectDemoSeeder.SchoolProject, 1);

    public static async Task<Lot> LotAsync(TradingDbContext db, string project, int number)
    {
        var p = await db.Projects.AsNoTracking().Include(x => x.Lots).SingleAsync(x => x.Name == project, Ct);
        return p.Lots.Single(l => l.Number == number);
    }

    public static Task<Lot> LotAsync(this TradingTestHost host, string project, int number) =>
        host.RunAsync(sp => LotAsync(sp.GetRequiredService<TradingDbContext>(), project, number));

    public static string Name(string key) => DemoAccounts.Organizations.Single(o => o.Key == key).Name;

    public static string Code(string key) => DemoAccounts.Organizations.Single(o => o.Key == key).CreditCode!;

    public static TradingUser Clerk(this TradingTestHost host) => new("clerk", host.CityCenterId, true, false, false);

    public static TradingUser AgencyUser(this TradingTestHost host) => new("agency", host.Agency.Id, false, false, false);

    public static TradingUser BidderUser(this TradingTestHost host) => new("bidder", host.Bidder.Id, false, false, false);

    public static TradingUser Bidder2User(this TradingTestHost host) => new("bidder2", host.Bidder2.Id, false, false, false);

    public static object Receipt(string number, string payer, decimal amount, DateTimeOffset at, string remark, string account = Custody) => new
    {
        receiptNumber = number,
        account,
        payerName = payer,
        payerAccount = "9901-2211-3344-5566",
        amount,
        receivedAt = at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        remark,
    };

    public static byte[] File(params object[] receipts) =>
        JsonSerializer.SerializeToUtf8Bytes(new { format = BankReceipts.CurrentFormat, bank = "安和农村商业银行", receipts });

    public static Task<ReceiptImportResult> ImportAsync(this TradingTestHost host, byte[] file) =>
        host.RunAsync(sp => sp.GetRequiredService<BankReceipts>().ImportAsync(host.Clerk(), file, Ct));

    public static Task<T> SecurityAsync<T>(this TradingTestHost host, Func<BidSecurityService, Task<T>> act) =>
        host.RunAsync(sp => act(sp.GetRequiredService<BidSecurityService>()));

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n% 电子保函\n%%EOF\n");

    public static Task<(int Terms, int Receipts, int Deposits, int Guarantees, int Duties, int Ledger)> CountsAsync(this TradingTestHost host) =>
        host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<TradingDbContext>();
            return (await db.SecurityTerms.CountAsync(Ct), await db.BankReceipts.CountAsync(Ct), await db.BidDeposits.CountAsync(Ct),
                await db.BidGuarantees.CountAsync(Ct), await db.RefundDuties.CountAsync(Ct),
                await sp.GetRequiredService<Ggzy.Platform.Data.PlatformDbContext>().LedgerEntries.CountAsync(Ct));
        });
}
