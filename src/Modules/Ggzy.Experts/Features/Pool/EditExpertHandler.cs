using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Pool;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Experts.Features.Identity;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Rules;
using Ggzy.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Experts.Features.Pool;

/// <summary>
/// Corrections to an expert's record by the center (details, specialties, title) and changes of employment by the
/// center or the expert. The ID number never changes; an employer change keeps the old employment as history.
/// The Ledger names the fields that changed, never their values.
/// </summary>
internal sealed class EditExpertHandler(
    ExpertsDbContext db,
    SpecialtyCatalog catalog,
    ExpertIdentityProtector protector,
    StatutoryRuleRegistry rules,
    LedgerWriter ledger,
    TimeProvider clock)
{
    public async Task<Expert> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Experts
            .Include(e => e.Specialties)
            .Include(e => e.Employments)
            .Include(e => e.Relatives)
            .Include(e => e.Leaves)
            .Include(e => e.StatusChanges)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == id, ct)
        ?? throw new NotFoundException(ExpertsErrors.ExpertNotFound);

    public async Task<Expert> UpdateAsync(Guid id, ExpertInput input, CancellationToken ct)
    {
        var expert = await LoadAsync(id, ct);
        var today = clock.Today();
        var v = new ExpertValidation();
        var identity = protector.Unprotect(expert.IdentityCipher);
        var name = v.Text("name", input.Name, "专家姓名", 50);
        if (!string.IsNullOrWhiteSpace(input.IdNumber)
            && (!Credit.Contracts.ExpertIdNumbers.TryNormalize(input.IdNumber, out var number, out _) || number != identity.IdNumber))
        {
            v.Fail("idNumber", "身份证号码是专家本人的标识，不能修改；号码登记错误的，请将该专家退出专家库后重新入库。");
        }

        var mobile = v.Mobile("mobile", input.Mobile);
        var email = v.Email("email", input.Email);
        var titleName = v.Text("titleName", input.TitleName, "职称名称", 50);
        var level = v.Level("titleLevel", input.TitleLevel);
        var equivalence = v.OptionalText("seniorEquivalence", input.SeniorEquivalence, "同等专业水平的依据", 100);
        var since = v.Date("practisingSince", input.PractisingSince, "从业起始日期", today);
        var region = v.Region("regionCode", input.RegionCode);
        var specialties = v.Specialties("specialties", input.Specialties, catalog);
        v.ThrowIfAny();

        var engineering = specialties.Any(c => catalog.Find(c)!.Sector == SpecialtySector.Engineering);
        var years = await rules.EffectiveAsync(StatutoryRules.ExpertPracticeYears.Key, region, ct);
        ExpertQualificationRule.Check(years, engineering, level, equivalence, since, today);

        var changed = new List<string>();
        if (identity.Name != name || identity.Mobile != mobile || identity.Email != email)
        {
            expert.IdentityCipher = protector.Protect(identity with { Name = name, Mobile = mobile, Email = email });
            changed.Add("identity");
        }

        Set(expert.TitleName, titleName, v => expert.TitleName = v, "titleName");
        Set(expert.TitleLevel, level, v => expert.TitleLevel = v, "titleLevel");
        Set(expert.SeniorEquivalence, equivalence, v => expert.SeniorEquivalence = v, "seniorEquivalence");
        Set(expert.PractisingSince, since, v => expert.PractisingSince = v, "practisingSince");
        Set(expert.RegionCode, region, v => expert.RegionCode = v, "regionCode");
        var held = expert.Specialties.Select(s => s.SpecialtyCode).ToHashSet(StringComparer.Ordinal);
        if (!held.SetEquals(specialties))
        {
            expert.Specialties.RemoveAll(s => !specialties.Contains(s.SpecialtyCode));
            expert.Specialties.AddRange(specialties.Where(c => !held.Contains(c)).Select(c => new ExpertSpecialty { ExpertId = expert.Id, SpecialtyCode = c }));
            changed.Add("specialties");
        }

        if (changed.Count > 0)
        {
            expert.UpdatedAt = clock.GetUtcNow();
            await ledger.SaveChangesAsync(db, ExpertsLedger.Entry(ExpertsLedger.Changed, expert, new
            {
                expert = expert.Code,
                changed,
                specialties = changed.Contains("specialties") ? specialties : null,
                titleLevel = level.ToString(),
                engineeringRule = engineering ? years.Source : null,
            }), ct);
        }

        return expert;

        void Set<T>(T current, T value, Action<T> assign, string field)
        {
            if (!EqualityComparer<T>.Default.Equals(current, value))
            {
                assign(value);
                changed.Add(field);
            }
        }
    }

    /// <summary>
    /// A new employer from <see cref="EmploymentInput.Since"/>: the open employment ends the day before. With
    /// <see cref="EmploymentInput.Until"/> it is a past employment added to the history instead.
    /// </summary>
    public async Task<Expert> RecordEmploymentAsync(Guid id, EmploymentInput input, string purpose, CancellationToken ct)
    {
        var expert = await LoadAsync(id, ct);
        var today = clock.Today();
        var v = new ExpertValidation();
        var code = v.CreditCodeOf("employerCreditCode", input.EmployerCreditCode);
        var name = v.Text("employerName", input.EmployerName, "工作单位名称", 200);
        var since = v.Date("since", input.Since, "入职日期", today);
        DateOnly? until = input.Until;
        var current = expert.CurrentEmployment;
        if (until is { } end)
        {
            if (end < since)
            {
                v.Fail("until", "离职日期不能早于入职日期。");
            }
            else if (end > today)
            {
                v.Fail("until", "过往任职的离职日期不能晚于今天；现任单位请不填离职日期。");
            }
        }
        else if (current is not null && since <= current.From)
        {
            v.Fail("since", $"新单位的入职日期须晚于现单位（{current.EmployerName}）的入职日期 {current.From:yyyy-MM-dd}。");
        }

        v.ThrowIfAny();
        var now = clock.GetUtcNow();
        if (until is null && current is not null)
        {
            current.Until = since.AddDays(-1);
        }

        expert.Employments.Add(new ExpertEmployment
        {
            Id = Guid.CreateVersion7(now),
            ExpertId = expert.Id,
            EmployerCreditCode = code,
            EmployerName = name,
            From = since,
            Until = until,
        });
        expert.UpdatedAt = now;
        await ledger.SaveChangesAsync(db, ExpertsLedger.Entry(ExpertsLedger.Changed, expert, new
        {
            expert = expert.Code,
            changed = new[] { until is null ? "employer" : "employmentHistory" },
            by = purpose,
        }), ct);
        return expert;
    }
}
