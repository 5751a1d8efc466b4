using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Credit.Domain;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Credit.Demo;

/// <summary>
/// The demo's five market entities with accounts, registered against the organisations the Platform seeder created (linked by their
/// 统一社会信用代码), each with the current 信用承诺书 signed by its demo account.
/// </summary>
internal sealed class CreditDemoSeeder(CreditDbContext db, PlatformDbContext platform, LedgerWriter ledger, TimeProvider clock) : IDemoSeeder
{
    private static readonly Dictionary<string, (string Representative, string Contact, string Phone, MarketRole Roles)> Details =
        new(StringComparer.Ordinal)
        {
            ["owner"] = ("刘德明", "吴国平", "0990-86001234", MarketRole.Tenderer),
            ["agency"] = ("郑丽华", "郑丽华", "0990-86005678", MarketRole.Agency),
            ["bidder1"] = ("冯宏远", "冯志远", "13800990001", MarketRole.Bidder),
            ["bidder2"] = ("何恒泰", "何永康", "13800990002", MarketRole.Bidder | MarketRole.AuctionBuyer),
            ["bidder3"] = ("许鼎盛", "许文杰", "13800990003", MarketRole.Bidder),
        };

    public int Order => 10;

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var commitment = CreditCommitments.Current;
        var organizations = await platform.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.MarketEntity && o.CreditCode != null)
            .ToListAsync(ct);
        var drafts = new List<LedgerDraft>();
        foreach (var demo in DemoAccounts.Organizations.Where(o => Details.ContainsKey(o.Key)))
        {
            // A host that made only some of the demo's organisations gets entities for those.
            if (organizations.SingleOrDefault(o => o.Name == demo.Name) is not { } organization)
            {
                continue;
            }

            var account = DemoAccounts.Accounts.First(a => a.OrganizationKey == demo.Key);
            var (representative, contact, phone, roles) = Details[demo.Key];
            var entity = new MarketEntity
            {
                Id = Guid.CreateVersion7(now),
                CreditCode = organization.CreditCode!,
                LegalName = organization.Name,
                Kind = MarketEntityKind.LegalPerson,
                RegionCode = organization.RegionCode,
                LegalRepresentative = representative,
                ContactPerson = contact,
                ContactPhone = phone,
                Roles = roles,
                OrganizationId = organization.Id,
                RegisteredAt = now,
            };
            db.MarketEntities.Add(entity);
            db.CommitmentSignatures.Add(new CommitmentSignature
            {
                Id = Guid.CreateVersion7(now),
                MarketEntityId = entity.Id,
                Version = commitment.Version,
                TextDigest = commitment.Digest,
                SignedAt = now,
                SignedBy = account.DisplayName,
                SignedByAccount = account.UserName,
            });
            drafts.Add(new LedgerDraft("credit.entity.registered", $"market-entity:{entity.CreditCode}", new
            {
                creditCode = entity.CreditCode,
                legalName = entity.LegalName,
                kind = entity.Kind.ToString(),
                regionCode = entity.RegionCode,
                roles = roles.ToString(),
                organization = organization.Id,
                administrator = account.UserName,
                commitment = new { version = commitment.Version, digest = commitment.Digest },
                demo = true,
            }));
        }

        await ledger.SaveChangesAsync(db, drafts, ct);
    }
}
