using System.Globalization;
using Ggzy.Credit.Contracts;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Pool;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Experts.Features;
using Ggzy.Experts.Features.Identity;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Experts.Demo;

/// <summary>
/// A pool of <see cref="PoolSize"/> fictional experts, the same on every run (a fixed seed): Chinese names, valid ID
/// numbers of the demo's region 99, specialties across engineering, goods and services, regions of 安和市. The seven
/// expert accounts are linked to experts ZJ000001–ZJ000007 (all in 房屋建筑工程施工 A0801 and 建筑工程造价 A0601). Some
/// experts work or worked for the demo's tenderer, agency and bidders, and one declared a relative at 恒泰, so that
/// recusal has something to exclude; some are on leave; one is suspended, one blacklisted, one retired.
/// </summary>
internal sealed class ExpertPoolDemoSeeder(
    ExpertsDbContext db,
    PlatformDbContext platform,
    SpecialtyCatalog catalog,
    ExpertIdentityProtector protector,
    LedgerWriter ledger,
    TimeProvider clock) : IDemoSeeder
{
    public const int PoolSize = 120;

    /// <summary>The specialties the expert accounts share, so that one draw can reach all seven.</summary>
    public static readonly string[] AccountSpecialties = ["A0801", "A0601", AccountOnlySpecialty];

    /// <summary>
    /// 市政公用工程施工: in the demo pool only the seven account-linked experts hold it (another expert who would draw it
    /// holds 公路工程施工 instead), so that the demo's draws for the 沿江大道 works seat experts who can sign in to the room.
    /// </summary>
    public const string AccountOnlySpecialty = "A0802";

    private const string InsteadOfAccountOnly = "A0803";

    private static readonly string[] Surnames =
        [.. "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".Select(c => c.ToString())];

    private static readonly string[] GivenFirst = [.. "建国志明海文晓丽秀德永国红玉春立新振家伟俊宏雅慧思嘉子婉佳".Select(c => c.ToString())];

    private static readonly string[] GivenSecond = [.. "华强平军芳敏静杰涛磊刚勇峰霞燕琳鹏飞洋超斌辉颖婷宁轩博远".Select(c => c.ToString())];

    private static readonly string[] Regions = ["990100", "990100", "990100", "990102", "990102", "990103", "990103", "990104", "990200"];

    private static readonly (string Name, string Body, string Region)[] Employers =
    [
        ("安和市建筑设计研究院有限公司", "MA6H8Q2W", "990100"),
        ("安和理工大学", "MB7J9R3W", "990100"),
        ("安和市政工程设计院有限公司", "MB8K0T4X", "990100"),
        ("安和建设工程造价咨询有限公司", "MB9L1U5Y", "990102"),
        ("安和中正会计师事务所有限公司", "MC0M2W6A", "990100"),
        ("安和市人民医院", "MC1N3X7B", "990100"),
        ("安和市信息技术研究所", "MC2P4Y8C", "990103"),
        ("安和水利水电勘测设计院有限公司", "MC3Q5A9D", "990103"),
        ("安和天平律师事务所", "MC4R6B0E", "990100"),
        ("东湖工程监理有限公司", "MC5T7C1F", "990102"),
        ("西山交通规划设计院有限公司", "MC6U8D2G", "990103"),
        ("安和职业技术学院", "MC7W9E3H", "990104"),
    ];

    public int Order => 50;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Experts.AnyAsync(ct))
        {
            return;
        }

        var random = new Random(20261123);
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var accounts = await platform.Users
            .Where(u => u.UserName != null && u.UserName.StartsWith("expert"))
            .ToDictionaryAsync(u => u.UserName!, ct);
        var leaves = catalog.Assignable.ToList();
        var byCode = Code();
        var drafts = new List<LedgerDraft>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        for (var number = 1; number <= PoolSize; number++)
        {
            var account = number <= 7 ? (number == 1 ? "expert" : $"expert{number}") : null;
            var demoAccount = account is null ? null : DemoAccounts.Accounts.FirstOrDefault(a => a.UserName == account);
            var name = demoAccount?.DisplayName ?? Name(random);
            var specialties = number <= 7
                ? AccountSpecialties
                : Specialties(random, leaves, number);
            var engineering = specialties.Any(c => catalog.Find(c)!.Sector == SpecialtySector.Engineering);
            var level = engineering || random.Next(3) > 0 ? (random.Next(3) == 0 ? TitleLevel.Senior : TitleLevel.DeputySenior) : TitleLevel.Intermediate;
            var since = today.AddYears(-(engineering ? 9 + random.Next(25) : 3 + random.Next(30))).AddDays(-random.Next(300));
            var idNumber = IdNumber(random, since, usedIds);
            var region = Regions[random.Next(Regions.Length)];
            var employer = Employers[random.Next(Employers.Length)];
            var expert = new Expert
            {
                Id = Guid.CreateVersion7(now.AddTicks(number)),
                Number = number,
                IdentityCipher = protector.Protect(new ExpertIdentity(name, idNumber,
                    "199" + (9900_0000 + number).ToString(CultureInfo.InvariantCulture), number % 5 == 0 ? $"zj{number:D3}@anhe-experts.example.cn" : null)),
                IdentityKey = ExpertIdNumbers.SubjectKey(idNumber),
                UserId = account is not null && accounts.TryGetValue(account, out var user) ? user.Id : null,
                TitleName = TitleName(level, specialties[0]),
                TitleLevel = level,
                PractisingSince = since,
                RegionCode = region,
                CreatedAt = now,
                UpdatedAt = now,
            };
            expert.Specialties.AddRange(specialties.Select(c => new ExpertSpecialty { ExpertId = expert.Id, SpecialtyCode = c }));
            AddEmployment(expert, byCode(employer.Body, employer.Region), employer.Name, since.AddYears(random.Next(4)), null);
            db.Experts.Add(expert);
            drafts.Add(ExpertsLedger.Entry(ExpertsLedger.Added, expert, new { expert = expert.Code, specialties, region, demo = true }));
            if (expert.UserId is not null)
            {
                drafts.Add(ExpertsLedger.Entry(ExpertsLedger.AccountLinked, expert, new { expert = expert.Code, account, demo = true }));
            }
        }

        Recusals(today, now);
        Availability(today, now, drafts);
        await ledger.SaveChangesAsync(db, drafts, ct);
    }

    /// <summary>Employment and relatives at the demo's market entities: what the draw's recusal must exclude.</summary>
    private void Recusals(DateOnly today, DateTimeOffset now)
    {
        var experts = db.ChangeTracker.Entries<Expert>().Select(e => e.Entity).OrderBy(e => e.Number).ToList();
        string CodeOf(string key) => DemoAccounts.Organizations.Single(o => o.Key == key).CreditCode!;
        string NameOf(string key) => DemoAccounts.Organizations.Single(o => o.Key == key).Name;

        // Working for the tenderer now; for a bidder until a year ago (inside 3 years); for the agency until 5 years ago.
        Move(experts[10], "owner", today.AddYears(-6), null);
        Move(experts[11], "owner", today.AddYears(-2), null);
        Move(experts[12], "bidder1", today.AddYears(-8), today.AddYears(-1));
        Move(experts[13], "agency", today.AddYears(-12), today.AddYears(-5));
        Move(experts[15], "bidder2", today.AddYears(-10), today.AddMonths(-18));
        experts[14].Relatives.Add(new ExpertRelative
        {
            Id = Guid.CreateVersion7(now),
            ExpertId = experts[14].Id,
            Relationship = RelativeRelationship.Spouse,
            NameCipher = protector.ProtectRelativeName("梁秀芳"),
            EmployerCreditCode = CodeOf("bidder2"),
            EmployerName = NameOf("bidder2"),
            DeclaredAt = now,
        });

        void Move(Expert expert, string key, DateOnly from, DateOnly? until)
        {
            var current = expert.CurrentEmployment!;
            if (until is null)
            {
                current.Until = from.AddDays(-1);
                if (current.Until < current.From)
                {
                    current.From = current.Until.Value.AddYears(-3);
                }
            }
            else
            {
                current.From = until.Value.AddDays(1);
            }

            AddEmployment(expert, CodeOf(key), NameOf(key), from, until);
        }
    }

    private void Availability(DateOnly today, DateTimeOffset now, List<LedgerDraft> drafts)
    {
        var experts = db.ChangeTracker.Entries<Expert>().Select(e => e.Entity).OrderBy(e => e.Number).ToList();
        foreach (var (expert, days) in new[] { (experts[20], 10), (experts[31], 30), (experts[42], 5), (experts[53], 60), (experts[64], 14) })
        {
            expert.Leaves.Add(new ExpertLeave
            {
                Id = Guid.CreateVersion7(now),
                ExpertId = expert.Id,
                From = today.AddDays(-2),
                Until = today.AddDays(days),
                Reason = days > 20 ? "出国学术交流" : "本人身体原因",
                RecordedBy = "clerk",
                RecordedAt = now,
            });
            drafts.Add(ExpertsLedger.Entry(ExpertsLedger.LeaveRecorded, expert, new { expert = expert.Code, demo = true }));
        }

        Status(experts[70], ExpertStatus.Suspended, today.AddDays(-10), today.AddMonths(6), "一标一评连续两次评价为不称职",
            "《安和市评标专家考评办法》第十二条（演示数据）", "admin", Roles.CenterAdministrator);
        Status(experts[71], ExpertStatus.Blacklisted, today.AddDays(-30), null, "评标中收受投标人财物，经查属实",
            "安公管罚〔2026〕3号（演示数据）", "regulator", Roles.Regulator);
        Status(experts[72], ExpertStatus.Retired, today.AddMonths(-3), null, "本人申请退出专家库", "本人书面申请（演示数据）", "clerk", Roles.CenterStaff);

        void Status(Expert expert, ExpertStatus status, DateOnly from, DateOnly? until, string reason, string basis, string by, string role)
        {
            var change = new ExpertStatusChange
            {
                Id = Guid.CreateVersion7(now),
                ExpertId = expert.Id,
                Status = status,
                From = from,
                Until = until,
                Reason = reason,
                Basis = basis,
                DecidedBy = by,
                DecidedByRole = role,
                RecordedAt = now,
            };
            expert.StatusChanges.Add(change);
            drafts.Add(ExpertsLedger.Entry(ExpertsLedger.StatusChanged, expert,
                new { expert = expert.Code, status = status.ToString(), from, until, reason, basis, demo = true }));
        }
    }

    private static void AddEmployment(Expert expert, string code, string name, DateOnly from, DateOnly? until) =>
        expert.Employments.Add(new ExpertEmployment
        {
            Id = Guid.NewGuid(),
            ExpertId = expert.Id,
            EmployerCreditCode = code,
            EmployerName = name,
            From = from,
            Until = until,
        });

    private static string Name(Random random) =>
        Surnames[random.Next(Surnames.Length)] + GivenFirst[random.Next(GivenFirst.Length)] + (random.Next(4) == 0 ? "" : GivenSecond[random.Next(GivenSecond.Length)]);

    /// <summary>Every specialty gets experts (numbers 8–49 go round the table once), then one to three at random.</summary>
    private static string[] Specialties(Random random, List<Specialty> leaves, int number)
    {
        var first = number - 8 < leaves.Count ? leaves[number - 8].Code : leaves[random.Next(leaves.Count)].Code;
        var sector = leaves.First(l => l.Code == first).Sector;
        var sameSector = leaves.Where(l => l.Sector == sector).ToList();
        return [.. new[] { first }.Concat(Enumerable.Range(0, random.Next(3)).Select(_ => sameSector[random.Next(sameSector.Count)].Code))
            .Select(c => c == AccountOnlySpecialty ? InsteadOfAccountOnly : c).Distinct(StringComparer.Ordinal)];
    }

    private static string TitleName(TitleLevel level, string specialty) => (specialty[0], level) switch
    {
        ('A', TitleLevel.Senior) => "正高级工程师",
        ('A', _) => "高级工程师",
        ('B', TitleLevel.Senior) => "正高级工程师",
        ('B', TitleLevel.DeputySenior) => "高级工程师",
        ('B', _) => "工程师",
        (_, TitleLevel.Senior) => "研究员",
        (_, TitleLevel.DeputySenior) => "高级经济师",
        _ => "经济师",
    };

    private static string IdNumber(Random random, DateOnly practisingSince, HashSet<string> used)
    {
        while (true)
        {
            var birth = practisingSince.AddYears(-(22 + random.Next(6))).AddDays(-random.Next(365));
            var first17 = Regions[random.Next(Regions.Length)] + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                + random.Next(1000).ToString("D3", CultureInfo.InvariantCulture);
            var number = first17 + ExpertIdNumbers.CheckCharacter(first17);
            if (used.Add(number))
            {
                return number;
            }
        }
    }

    private static Func<string, string, string> Code() => (body, region) =>
    {
        var first17 = "91" + region + body + CreditCode.OrganizationCheckCharacter(body);
        return first17 + CreditCode.CheckCharacter(first17);
    };
}
