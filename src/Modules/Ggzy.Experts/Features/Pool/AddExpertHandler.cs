using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Pool;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Experts.Features.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Rules;
using Ggzy.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Experts.Features.Pool;

/// <summary>
/// The center adds an expert to the pool: fields checked, the person not in the pool already (by the ID-number
/// digest), 招标投标法 第三十七条 for engineering specialties, the identity encrypted, the entry on the Ledger.
/// </summary>
internal sealed class AddExpertHandler(
    ExpertsDbContext db,
    SpecialtyCatalog catalog,
    ExpertIdentityProtector protector,
    StatutoryRuleRegistry rules,
    LedgerWriter ledger,
    TimeProvider clock)
{
    public async Task<Expert> HandleAsync(ExpertInput input, CancellationToken ct)
    {
        var today = clock.Today();
        var v = new ExpertValidation();
        var name = v.Text("name", input.Name, "专家姓名", 50);
        var idNumber = v.IdNumber("idNumber", input.IdNumber);
        var mobile = v.Mobile("mobile", input.Mobile);
        var email = v.Email("email", input.Email);
        var titleName = v.Text("titleName", input.TitleName, "职称名称", 50);
        var level = v.Level("titleLevel", input.TitleLevel);
        var equivalence = v.OptionalText("seniorEquivalence", input.SeniorEquivalence, "同等专业水平的依据", 100);
        var since = v.Date("practisingSince", input.PractisingSince, "从业起始日期", today);
        var region = v.Region("regionCode", input.RegionCode);
        var specialties = v.Specialties("specialties", input.Specialties, catalog);
        var employerCode = v.CreditCodeOf("employerCreditCode", input.EmployerCreditCode);
        var employerName = v.Text("employerName", input.EmployerName, "工作单位名称", 200);
        var employedSince = v.Date("employedSince", input.EmployedSince, "入职日期", today);
        v.ThrowIfAny();

        var engineering = specialties.Any(c => catalog.Find(c)!.Sector == SpecialtySector.Engineering);
        var years = await rules.EffectiveAsync(StatutoryRules.ExpertPracticeYears.Key, region, ct);
        ExpertQualificationRule.Check(years, engineering, level, equivalence, since, today);

        var key = Credit.Contracts.ExpertIdNumbers.SubjectKey(idNumber);
        if (await db.Experts.AnyAsync(e => e.IdentityKey == key, ct))
        {
            throw ExpertValidation.Refuse("EXPERT_EXISTS", "该身份证号码的专家已在专家库中，请在专家库中查找并修改其信息，不要重复入库。", 409, field: "idNumber");
        }

        // Encrypted before the transaction: the first encryption may create the key ring, which writes on a connection of its own.
        var cipher = protector.Protect(new ExpertIdentity(name, idNumber, mobile, email));
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Raising the pool's counter first locks its row until the commit, so two additions never take the same number.
        await db.PoolVersions.Where(v => v.Id == PoolVersion.SingletonId)
            .ExecuteUpdateAsync(v => v.SetProperty(x => x.Value, x => x.Value + 1), ct);
        var number = (await db.Experts.MaxAsync(e => (int?)e.Number, ct) ?? 0) + 1;
        var expert = new Expert
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            IdentityCipher = cipher,
            IdentityKey = key,
            TitleName = titleName,
            TitleLevel = level,
            SeniorEquivalence = equivalence,
            PractisingSince = since,
            RegionCode = region,
            CreatedAt = now,
            UpdatedAt = now,
        };
        expert.Specialties.AddRange(specialties.Select(c => new ExpertSpecialty { ExpertId = expert.Id, SpecialtyCode = c }));
        expert.Employments.Add(new ExpertEmployment
        {
            Id = Guid.CreateVersion7(now),
            ExpertId = expert.Id,
            EmployerCreditCode = employerCode,
            EmployerName = employerName,
            From = employedSince,
        });
        db.Experts.Add(expert);
        await ledger.SaveChangesAsync(db, ExpertsLedger.Entry(ExpertsLedger.Added, expert, new
        {
            expert = expert.Code,
            specialties,
            titleLevel = level.ToString(),
            seniorEquivalence = equivalence is not null,
            practisingSince = since,
            region,
            engineeringRule = engineering ? years.Source : null,
        }), ct);
        await transaction.CommitAsync(ct);
        return expert;
    }
}
