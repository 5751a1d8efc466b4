using System.Security.Cryptography;
using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Credit.Domain;
using Ggzy.Credit.Features.Staff;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Credit.Demo;

/// <summary>
/// Each demo entity's administrator (its demo account), its 业绩 and 资质 (one certificate expired), and for
/// 安和宏远建筑工程有限公司 one staff member who accepted an invitation and one invitation still open.
/// Idempotent: what is there already is left alone.
/// </summary>
internal sealed class CreditProfileDemoSeeder(
    CreditDbContext db, PlatformDbContext platform, UserManager<PlatformUser> users, LedgerWriter ledger, TimeProvider clock) : IDemoSeeder
{
    /// <summary>The staff account that joined 宏远 by invitation (in DemoAccounts; README lists it).</summary>
    public const string StaffUserName = "bidder.staff";

    public int Order => 25;

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var drafts = new List<LedgerDraft>();
        var entities = await db.MarketEntities.ToListAsync(ct);
        foreach (var demo in DemoAccounts.Organizations.Where(o => o.Kind == OrganizationKind.MarketEntity))
        {
            if (entities.SingleOrDefault(e => e.LegalName == demo.Name) is not { } entity)
            {
                continue;
            }

            // An entity of the demo without accounts (the debarred one) has no administrator and publishes nothing.
            if (DemoAccounts.Accounts.FirstOrDefault(a => a.OrganizationKey == demo.Key)?.UserName is not { } adminName)
            {
                continue;
            }

            if (entity.AdministratorUserId is null
                && await platform.Users.SingleOrDefaultAsync(u => u.UserName == adminName, ct) is { } admin)
            {
                entity.AdministratorUserId = admin.Id;
                drafts.Add(new LedgerDraft("credit.entity.administrator-set", $"market-entity:{entity.CreditCode}",
                    new { administrator = adminName, demo = true }));
            }

            if (!await db.Performances.AnyAsync(p => p.MarketEntityId == entity.Id, ct))
            {
                foreach (var (project, client, amount, months) in PerformanceOf(demo.Key))
                {
                    var row = new EntityPerformance
                    {
                        Id = Guid.CreateVersion7(now),
                        MarketEntityId = entity.Id,
                        ProjectName = project,
                        Client = client,
                        Amount = amount,
                        CompletedOn = today.AddMonths(-months),
                        RecordedAt = now,
                        RecordedBy = adminName,
                    };
                    db.Performances.Add(row);
                    drafts.Add(new LedgerDraft("credit.performance.added", $"market-entity:{entity.CreditCode}",
                        new { performance = row.Id, projectName = project, client, amount, completedOn = row.CompletedOn, demo = true }));
                }
            }

            if (!await db.Qualifications.AnyAsync(q => q.MarketEntityId == entity.Id, ct))
            {
                foreach (var (name, number, authority, level, fromMonths, untilMonths) in QualificationsOf(demo.Key))
                {
                    var row = new EntityQualification
                    {
                        Id = Guid.CreateVersion7(now),
                        MarketEntityId = entity.Id,
                        Name = name,
                        CertificateNumber = number,
                        IssuingAuthority = authority,
                        Level = level,
                        ValidFrom = today.AddMonths(fromMonths),
                        ValidUntil = today.AddMonths(untilMonths),
                        RecordedAt = now,
                        RecordedBy = adminName,
                    };
                    db.Qualifications.Add(row);
                    drafts.Add(new LedgerDraft("credit.qualification.added", $"market-entity:{entity.CreditCode}",
                        new { qualification = row.Id, name, certificateNumber = number, validUntil = row.ValidUntil, demo = true }));
                }
            }
        }

        await ledger.SaveChangesAsync(db, drafts, ct);
        await SeedStaffAsync(entities.SingleOrDefault(e => e.LegalName == DemoAccounts.Organizations.Single(o => o.Key == "bidder1").Name), ct);
    }

    private async Task SeedStaffAsync(MarketEntity? entity, CancellationToken ct)
    {
        if (entity is null || await db.StaffInvitations.AnyAsync(i => i.MarketEntityId == entity.Id, ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        const string admin = "bidder";
        // The Platform seeder created the account (DemoAccounts); here it gets the invitation it accepted.
        if (await users.FindByNameAsync(StaffUserName) is not { } staff || staff.OrganizationId != entity.OrganizationId)
        {
            return;
        }

        var accepted = new StaffInvitation
        {
            Id = Guid.CreateVersion7(now),
            MarketEntityId = entity.Id,
            DisplayName = staff.DisplayName,
            Roles = MarketRole.Bidder,
            TokenHash = UnusableHash(),
            CreatedAt = now.AddDays(-3),
            CreatedBy = admin,
            ExpiresAt = now.AddDays(4),
            AcceptedAt = now.AddDays(-2),
            AcceptedUserId = staff.Id,
            AcceptedUserName = staff.UserName,
        };
        var open = new StaffInvitation
        {
            Id = Guid.CreateVersion7(now),
            MarketEntityId = entity.Id,
            DisplayName = "冯晓兰",
            Roles = MarketRole.Bidder,
            TokenHash = UnusableHash(),
            CreatedAt = now,
            CreatedBy = admin,
            ExpiresAt = now.AddDays(StaffInvitationService.DefaultValidDays),
        };
        db.StaffInvitations.AddRange(accepted, open);
        await ledger.SaveChangesAsync(db, [
            new LedgerDraft("credit.staff.invited", $"market-entity:{entity.CreditCode}",
                new { invitation = accepted.Id, displayName = accepted.DisplayName, roles = accepted.Roles.ToString(), demo = true }),
            new LedgerDraft("credit.staff.invitation-accepted", $"user:{staff.UserName}",
                new { creditCode = entity.CreditCode, invitation = accepted.Id, roles = new[] { Roles.Bidder }, demo = true }),
            new LedgerDraft("credit.staff.invited", $"market-entity:{entity.CreditCode}",
                new { invitation = open.Id, displayName = open.DisplayName, roles = open.Roles.ToString(), demo = true }),
        ], ct);
    }

    /// <summary>The demo's links are never shown: their secrets are random and thrown away.</summary>
    private static string UnusableHash() => StaffInvitationService.HashOf(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));

    private static IEnumerable<(string Project, string Client, decimal Amount, int MonthsAgo)> PerformanceOf(string key) => key switch
    {
        "bidder1" =>
        [
            ("安和市东湖区第二实验小学教学楼新建工程", "安和市东湖区教育局", 28_650_000.00m, 8),
            ("安和市人民医院门诊综合楼改造工程", "安和市人民医院", 12_480_500.50m, 20),
        ],
        "bidder2" =>
        [
            ("安和市西山大道（一期）道路工程", "安和城市建设投资集团有限公司", 56_300_000.00m, 14),
        ],
        "agency" =>
        [
            ("安和市体育中心改造工程招标代理", "安和市体育局", 386_000.00m, 6),
        ],
        "owner" =>
        [
            ("安和市滨江公园一期工程（建设单位）", "安和市人民政府", 73_500_000.00m, 18),
        ],
        _ => [],
    };

    private static IEnumerable<(string Name, string Number, string Authority, string? Level, int FromMonths, int UntilMonths)> QualificationsOf(string key) => key switch
    {
        "bidder1" =>
        [
            ("建筑工程施工总承包", "D299010201", "安和市住房和城乡建设局", "一级", -30, 30),
            ("安全生产许可证", "（安）JZ安许证字〔2021〕000123", "安和市住房和城乡建设局", null, -57, -3),
        ],
        "bidder2" =>
        [
            ("市政公用工程施工总承包", "D299010302", "安和市住房和城乡建设局", "二级", -24, 36),
        ],
        "bidder3" =>
        [
            ("建筑工程施工总承包", "D299010417", "安和市住房和城乡建设局", "二级", -18, 42),
        ],
        "agency" =>
        [
            ("工程造价咨询企业", "甲 299010045", "安和市住房和城乡建设局", "甲级", -12, 48),
        ],
        _ => [],
    };
}
