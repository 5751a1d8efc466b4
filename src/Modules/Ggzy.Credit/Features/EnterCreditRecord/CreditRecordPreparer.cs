using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Credit.Domain;
using Ggzy.Platform.Calendar;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Rules;
using Microsoft.EntityFrameworkCore;
using static Ggzy.Credit.CreditRecordErrors;

namespace Ggzy.Credit.Features.EnterCreditRecord;

/// <summary>
/// Turns one input into the record to append, or refuses it: the subject must be known, what it corrects, revokes or
/// lifts must exist and still be in effect, and it must not be in already. Computes the publication deadline
/// (R28: 7 working days after the decision, by the work calendar) and whether the entry is late. Saves nothing.
/// </summary>
internal sealed class CreditRecordPreparer(CreditDbContext db, WorkCalendar calendar, StatutoryRuleRegistry rules, ICurrentActorAccessor actors)
{
    public async Task<CreditRecord> PrepareAsync(
        CreditRecordInput input, IReadOnlyList<CreditRecord> pending, DateTimeOffset now, CancellationToken ct, CurrentActor? enteredBy = null)
    {
        var c = CreditRecordValidator.Validate(input, CreditPeriod.DayOf(now));
        var (key, shown, name, region) = await SubjectAsync(c, input, ct);
        var stored = await db.CreditRecords.AsNoTracking().Where(r => r.SubjectKey == key).ToListAsync(ct);
        var history = new CreditHistory(stored.Concat(pending.Where(p => p.SubjectKey == key)));
        var actor = enteredBy ?? actors.Current;

        var id = Guid.CreateVersion7(now);
        var chainId = id;
        var kind = c.Kind;
        Guid? lifts = null;
        CreditRecord? replaced = null;
        if (c.Action is CreditRecordAction.Correction or CreditRecordAction.Revocation)
        {
            replaced = Resolve(history, input.RefersTo, c.ReferenceNumber, currentOnly: true);
            if (replaced.Action == CreditRecordAction.Revocation)
            {
                throw Invalid("refersTo", RevocationCannotBeReplaced);
            }

            if (c.Action == CreditRecordAction.Correction && kind != replaced.Kind)
            {
                throw Invalid("kind", KindMismatch(replaced.Kind));
            }

            CheckSameDepartment(replaced, actor);
            kind = replaced.Kind;
            chainId = replaced.ChainId;
            lifts = replaced.LiftsChainId;
        }
        else if (kind == CreditRecordKind.DebarmentLifted)
        {
            lifts = LiftedChain(history, input.RefersTo, c.ReferenceNumber, CreditPeriod.Start(c.EffectiveFrom));
        }

        if (await db.CreditRecords.AnyAsync(r => r.SourceSystem == c.SourceSystem && r.DecisionNumber == c.DecisionNumber && r.Kind == kind && r.Action == c.Action, ct)
            || pending.Any(r => r.SourceSystem == c.SourceSystem && r.DecisionNumber == c.DecisionNumber && r.Kind == kind && r.Action == c.Action))
        {
            throw new BusinessRuleException(Duplicate(c.SourceSystem, c.DecisionNumber, kind!.Value, c.Action), RecordsCitation, "decisionNumber");
        }

        var days = region is null
            ? StatutoryRules.CreditRecordPublication.Value
            : (await rules.EffectiveAsync(StatutoryRules.CreditRecordPublication.Key, region, ct)).Value;
        var deadline = await calendar.AddWorkingDaysAsync(c.DecisionDate, (int)days, ct);
        return new CreditRecord
        {
            Id = id,
            ChainId = chainId,
            SubjectKind = c.SubjectKind,
            SubjectKey = key,
            SubjectCode = shown,
            SubjectName = name,
            Kind = kind!.Value,
            Action = c.Action,
            RefersToId = replaced?.Id,
            LiftsChainId = lifts,
            Reason = c.Reason,
            DecisionNumber = c.DecisionNumber,
            DecidingBody = c.DecidingBody,
            DecisionDate = c.DecisionDate,
            EffectiveFrom = c.EffectiveFrom,
            EffectiveUntil = kind == CreditRecordKind.DebarmentLifted ? null : c.EffectiveUntil,
            Facts = c.Facts,
            SourceSystem = c.SourceSystem,
            Confidential = c.ConfidentialBasis is not null,
            ConfidentialBasis = c.ConfidentialBasis,
            EnteredBy = actor.Actor,
            EnteredByOrganization = actor.Organization,
            EnteredAt = now,
            PublicationDeadline = deadline.Date,
            PublicationDeadlineProvisional = deadline.Provisional,
            IsLate = CreditPeriod.DayOf(now) > deadline.Date,
        };
    }

    private async Task<(string Key, string Shown, string Name, string? Region)> SubjectAsync(
        CreditRecordValidator.Checked c, CreditRecordInput input, CancellationToken ct)
    {
        if (c.SubjectKind == CreditSubjectKind.Expert)
        {
            return (ResidentIdNumber.Digest(c.SubjectValue), ResidentIdNumber.Masked(c.SubjectValue), input.ExpertName!.Trim(), null);
        }

        var entity = await db.MarketEntities.AsNoTracking().Where(e => e.CreditCode == c.SubjectValue)
            .Select(e => new { e.LegalName, e.RegionCode }).FirstOrDefaultAsync(ct)
            ?? throw Invalid("creditCode", EntityNotRegistered(c.SubjectValue));
        return (c.SubjectValue, c.SubjectValue, entity.LegalName, entity.RegionCode);
    }

    private static CreditRecord Resolve(CreditHistory history, Guid? id, string? number, bool currentOnly)
    {
        if (id is { } recordId)
        {
            var found = history.Find(recordId) ?? throw Invalid("refersTo", RecordNotFound(recordId.ToString()));
            if (currentOnly && !history.IsHead(found))
            {
                throw Invalid("refersTo", AlreadyReplaced(history.All.First(r => r.RefersToId == found.Id)));
            }

            return found;
        }

        var chains = history.All.Where(r => r.DecisionNumber == number).Select(r => r.ChainId).Distinct().ToList();
        return chains.Count switch
        {
            0 => throw Invalid("refersTo", RecordNotFound(number ?? "")),
            > 1 => throw Invalid("refersTo", AmbiguousDecisionNumber(number!)),
            _ => history.All.Single(r => r.ChainId == chains[0] && history.IsHead(r)),
        };
    }

    private static Guid LiftedChain(CreditHistory history, Guid? id, string? number, DateTimeOffset at)
    {
        if (id is null && number is null)
        {
            return history.DebarmentAt(at)?.Record.ChainId ?? throw Invalid("refersTo", NoDebarmentInForce);
        }

        var target = Resolve(history, id, number, currentOnly: false);
        if (target.Kind != CreditRecordKind.Debarment)
        {
            throw Invalid("refersTo", NotADebarment(target.DecisionNumber));
        }

        var inForce = history.Debarments().Any(d => d.Record.ChainId == target.ChainId && d.Record.InForceFrom <= at && (d.Until is null || at < d.Until));
        return inForce ? target.ChainId : throw Invalid("refersTo", NoDebarmentInForce);
    }

    private static void CheckSameDepartment(CreditRecord replaced, CurrentActor actor)
    {
        var regulator = actor.Role.Split(',').Contains(Roles.Regulator, StringComparer.Ordinal);
        if (replaced.EnteredByOrganization.Length > 0 && actor.Organization.Length > 0
            && replaced.EnteredByOrganization != actor.Organization && !regulator)
        {
            throw new ForbiddenException(OtherDepartmentsRecord);
        }
    }

    private static InputValidationException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });
}
