using Ggzy.Platform.Data;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Rules;
using Microsoft.AspNetCore.Identity;

namespace Ggzy.Platform.Demo;

/// <summary>The city center, its two branch centers, the Regulator, two supervisory departments and an account per role.</summary>
internal sealed class PlatformDemoSeeder(PlatformDbContext db, UserManager<PlatformUser> users, LedgerWriter ledger, StatutoryRuleRegistry rules, TimeProvider clock)
    : IDemoSeeder
{
    public int Order => 0;

    public async Task SeedAsync(CancellationToken ct)
    {
        // One transaction: the accounts Identity saves and their ledger entries land together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var o in DemoAccounts.Organizations)
        {
            var org = new Organization
            {
                Id = Guid.CreateVersion7(now),
                Name = o.Name,
                Kind = o.Kind,
                RegionCode = o.RegionCode,
                ParentId = o.ParentKey is null ? null : ids[o.ParentKey],
                CreditCode = o.CreditCode,
                Sector = o.Sector,
                CreatedAt = now,
            };
            ids[o.Key] = org.Id;
            db.Organizations.Add(org);
            await ledger.SaveChangesAsync(db, new LedgerDraft("platform.organization.created", $"organization:{org.Id}",
                new { org.Name, Kind = org.Kind.ToString(), org.RegionCode, org.CreditCode, demo = true }), ct);
        }

        foreach (var a in DemoAccounts.Accounts)
        {
            var user = new PlatformUser
            {
                Id = Guid.CreateVersion7(now),
                UserName = a.UserName,
                DisplayName = a.DisplayName,
                OrganizationId = a.OrganizationKey is null ? null : ids[a.OrganizationKey],
                CreatedAt = now,
            };
            Check(await users.CreateAsync(user, DemoAccounts.Password));
            Check(await users.AddToRoleAsync(user, a.Role));
            await ledger.SaveChangesAsync(db, new LedgerDraft("platform.user.created", $"user:{user.UserName}",
                new { user.UserName, user.DisplayName, roles = new[] { a.Role }, organization = user.OrganizationId, demo = true }), ct);
        }

        await rules.AddOverrideAsync(StatutoryRules.TenderCandidatePublicity.Key, DemoAccounts.CityRegion, 5,
            "《安和市公共资源交易管理办法》第二十六条（演示数据）", "regulator", ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>A valid 统一社会信用代码 for a fictional enterprise (registration authority 9, kind 1: 企业).</summary>

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
