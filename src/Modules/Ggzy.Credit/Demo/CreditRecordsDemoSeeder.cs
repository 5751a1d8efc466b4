using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Credit.Domain;
using Ggzy.Credit.Features;
using Ggzy.Credit.Features.EnterCreditRecord;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Credit.Demo;

/// <summary>
/// The demo's credit records, so that every case shows: a reward and a performance record on time, a penalty and its
/// correction, a confidential penalty, a late entry, a debarment that has ended, and a debarment in force. The
/// debarment in force is against a fifth entity, 安和顺达建材有限公司, that no demo procedure uses.
/// </summary>
internal sealed class CreditRecordsDemoSeeder(
    CreditDbContext db, PlatformDbContext platform, CreditRecordPreparer preparer, LedgerWriter ledger, TimeProvider clock) : IDemoSeeder
{
    public const string DebarredEntityName = "安和顺达建材有限公司";
    private const string Housing = "安和市住房和城乡建设局";
    private const string Finance = "安和市财政局";
    private const string HousingSystem = "安和市住建局信用管理系统";
    private const string FinanceSystem = "安和市政府采购监管系统";

    public int Order => 20;

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = CreditPeriod.DayOf(now);
        var debarred = await RegisterDebarredEntityAsync(now, ct);
        var codes = await db.MarketEntities.AsNoTracking().ToDictionaryAsync(e => e.LegalName, e => e.CreditCode, ct);
        string Code(string key) => codes[DemoAccounts.Organizations.Single(o => o.Key == key).Name];

        var departments = await platform.Organizations.AsNoTracking()
            .Where(o => o.Name == Housing || o.Name == Finance).ToDictionaryAsync(o => o.Name, o => o.Id.ToString(), ct);
        CurrentActor EnteredBy(string body) => body == Housing
            ? new CurrentActor("supervisor.housing", Roles.Supervisor, departments.GetValueOrDefault(Housing, ""), "")
            : new CurrentActor("supervisor.finance", Roles.Supervisor, departments.GetValueOrDefault(Finance, ""), "");

        var pending = new List<CreditRecord>();
        async Task<CreditRecord> Add(CreditRecordInput input, int daysAfterDecision)
        {
            // Entered some days after the decision by the department's demo account (the Ledger records the seeding).
            var enteredAt = CreditPeriod.Start(input.DecisionDate!.Value.AddDays(daysAfterDecision)).AddHours(2);
            var record = await preparer.PrepareAsync(input, pending, enteredAt < now ? enteredAt : now, ct, EnteredBy(input.DecidingBody!));
            pending.Add(record);
            return record;
        }

        CreditRecordInput Record(string code, CreditRecordKind kind, string number, string body, string source, int daysAgo, string facts) => new()
        {
            CreditCode = code,
            Kind = kind,
            DecisionNumber = number,
            DecidingBody = body,
            SourceSystem = source,
            DecisionDate = today.AddDays(-daysAgo),
            Facts = facts,
        };

        await Add(Record(Code("bidder1"), CreditRecordKind.Reward, "安建奖〔2026〕3号", Housing, HousingSystem, 60,
            "安和市文化中心工程获评市级优质工程“安和杯”，予以通报表扬。"), 2);
        await Add(Record(Code("bidder1"), CreditRecordKind.Performance, "安建履〔2026〕21号", Housing, HousingSystem, 30,
            "安和市第三中学教学楼工程按合同约定工期竣工验收合格，履约评价为良好。"), 3);

        var penalty = await Add(Record(Code("bidder2"), CreditRecordKind.Penalty, "安建罚〔2026〕12号", Housing, HousingSystem, 120,
            "在安和市东湖路改造工程施工中未按规定设置安全防护设施，依据《建设工程安全生产管理条例》第六十二条处罚款 3 万元。"), 4);
        var correction = Record(Code("bidder2"), CreditRecordKind.Penalty, "安建罚更〔2026〕2号", Housing, HousingSystem, 100,
            "在安和市东湖路改造工程施工中未按规定设置安全防护设施，依据《建设工程安全生产管理条例》第六十二条处罚款 2 万元。");
        correction.Action = CreditRecordAction.Correction;
        correction.RefersTo = penalty.Id;
        correction.Reason = "原决定书罚款金额笔误，3 万元应为 2 万元。";
        correction.EffectiveFrom = penalty.EffectiveFrom;
        await Add(correction, 2);

        var confidential = Record(Code("bidder2"), CreditRecordKind.Violation, "安财处〔2026〕5号", Finance, FinanceSystem, 80,
            "涉及国家秘密项目的政府采购中违反保密管理规定，具体事实依法不予公开。");
        confidential.Confidential = true;
        confidential.ConfidentialBasis = "《中华人民共和国保守国家秘密法》第二十八条";
        await Add(confidential, 3);

        var ended = Record(Code("bidder2"), CreditRecordKind.Debarment, "安建限〔2025〕4号", Housing, HousingSystem, 500,
            "串通投标，依据《中华人民共和国招标投标法实施条例》第六十七条，限制参与本市房屋建筑和市政工程招标投标活动 6 个月。");
        ended.EffectiveUntil = ended.DecisionDate!.Value.AddMonths(6).AddDays(-1);
        await Add(ended, 5);

        await Add(Record(Code("agency"), CreditRecordKind.Violation, "安建违〔2026〕9号", Housing, HousingSystem, 45,
            "代理安和市滨河公园工程招标时，招标文件发售期少于 5 日，责令改正。"), 25);

        var inForce = Record(debarred, CreditRecordKind.Debarment, "安财限〔2026〕7号", Finance, FinanceSystem, 20,
            "在政府采购活动中提供虚假材料谋取中标，依据《中华人民共和国政府采购法》第七十七条，一年内禁止参加政府采购活动。");
        inForce.EffectiveUntil = inForce.DecisionDate!.Value.AddYears(1).AddDays(-1);
        await Add(inForce, 3);

        db.CreditRecords.AddRange(pending);
        await ledger.SaveChangesAsync(db, [.. pending.Select(CreditRecordLedger.Entered)], ct);
    }

    /// <summary>The Platform seeder created its organisation (no accounts); it is registered here with its commitment.</summary>
    private async Task<string> RegisterDebarredEntityAsync(DateTimeOffset now, CancellationToken ct)
    {
        var organization = await platform.Organizations.AsNoTracking().SingleAsync(o => o.Name == DebarredEntityName, ct);
        var code = organization.CreditCode!;
        var entity = new MarketEntity
        {
            Id = Guid.CreateVersion7(now),
            CreditCode = code,
            LegalName = DebarredEntityName,
            Kind = MarketEntityKind.LegalPerson,
            RegionCode = organization.RegionCode,
            LegalRepresentative = "钱顺达",
            ContactPerson = "钱顺达",
            ContactPhone = "13800990005",
            Roles = MarketRole.Bidder,
            OrganizationId = organization.Id,
            RegisteredAt = now,
        };
        var commitment = CreditCommitments.Current;
        db.MarketEntities.Add(entity);
        db.CommitmentSignatures.Add(new CommitmentSignature
        {
            Id = Guid.CreateVersion7(now),
            MarketEntityId = entity.Id,
            Version = commitment.Version,
            TextDigest = commitment.Digest,
            SignedAt = now,
            SignedBy = entity.LegalRepresentative,
            SignedByAccount = "",
        });
        await ledger.SaveChangesAsync(db, new LedgerDraft("credit.entity.registered", $"market-entity:{code}",
            new
            {
                creditCode = code,
                legalName = DebarredEntityName,
                kind = "LegalPerson",
                regionCode = DemoAccounts.CityRegion,
                roles = "Bidder",
                organization = organization.Id,
                commitment = new { version = commitment.Version, digest = commitment.Digest },
                demo = true,
            }), ct);
        return code;
    }
}
