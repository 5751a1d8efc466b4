using Ggzy.Credit.Contracts;
using Ggzy.Credit.Domain;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using static Ggzy.Credit.CreditRecordErrors;

namespace Ggzy.Credit.Features.EnterCreditRecord;

/// <summary>The fields of a record, checked all at once; what depends on stored records is checked by the preparer.</summary>
internal static class CreditRecordValidator
{
    public sealed record Checked(
        CreditSubjectKind SubjectKind,
        string SubjectValue,
        CreditRecordAction Action,
        CreditRecordKind? Kind,
        string DecisionNumber,
        string DecidingBody,
        DateOnly DecisionDate,
        DateOnly EffectiveFrom,
        DateOnly? EffectiveUntil,
        string Facts,
        string SourceSystem,
        string? ConfidentialBasis,
        string? Reason,
        string? ReferenceNumber);

    public static Checked Validate(CreditRecordInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string field, string message) => errors[field] = [message];

        var subjectKind = CreditSubjectKind.MarketEntity;
        var subject = "";
        var hasCode = !string.IsNullOrWhiteSpace(input.CreditCode);
        var hasId = !string.IsNullOrWhiteSpace(input.ExpertIdNumber);
        if (hasCode && hasId)
        {
            Fail("creditCode", SubjectBoth);
        }
        else if (hasCode)
        {
            if (CreditCode.TryParse(input.CreditCode, out var code, out var codeError))
            {
                subject = code.Value;
            }
            else
            {
                Fail("creditCode", codeError);
            }
        }
        else if (hasId)
        {
            subjectKind = CreditSubjectKind.Expert;
            if (ResidentIdNumber.TryNormalize(input.ExpertIdNumber, out var number, out var idError))
            {
                subject = number;
            }
            else
            {
                Fail("expertIdNumber", idError);
            }

            if (!Filled(input.ExpertName, 50))
            {
                Fail("expertName", ExpertNameRequired);
            }
        }
        else
        {
            Fail("creditCode", SubjectRequired);
        }

        var action = input.Action ?? CreditRecordAction.Original;
        if (!Enum.IsDefined(action))
        {
            Fail("action", ActionInvalid);
        }

        var replaces = action is CreditRecordAction.Correction or CreditRecordAction.Revocation;
        if (input.Kind is { } k ? !Enum.IsDefined(k) : action != CreditRecordAction.Revocation)
        {
            Fail("kind", KindRequired);
        }

        if (!Filled(input.DecisionNumber, 100))
        {
            Fail("decisionNumber", DecisionNumberRequired);
        }

        if (!Filled(input.DecidingBody, 200))
        {
            Fail("decidingBody", DecidingBodyRequired);
        }

        if (input.DecisionDate is not { } decided)
        {
            Fail("decisionDate", DecisionDateRequired);
        }
        else if (decided > today)
        {
            Fail("decisionDate", DecisionDateInFuture(decided, today));
        }

        var from = input.EffectiveFrom ?? input.DecisionDate ?? default;
        if (input.EffectiveUntil is { } until && until < from)
        {
            Fail("effectiveUntil", EffectiveUntilBeforeFrom(from, until));
        }

        var facts = input.Facts?.Trim();
        if (string.IsNullOrEmpty(facts) && replaces)
        {
            facts = input.Reason?.Trim();
        }

        if (string.IsNullOrEmpty(facts) || facts.Length > 2000)
        {
            Fail("facts", FactsRequired);
        }

        if (!Filled(input.SourceSystem, 100))
        {
            Fail("sourceSystem", SourceSystemRequired);
        }

        if (input.Confidential && !Filled(input.ConfidentialBasis, 200))
        {
            Fail("confidentialBasis", ConfidentialBasisRequired);
        }

        if (replaces && !Filled(input.Reason, 500))
        {
            Fail("reason", ReasonRequired);
        }

        if (replaces && input.RefersTo is null && string.IsNullOrWhiteSpace(input.RefersToDecisionNumber))
        {
            Fail("refersTo", RefersToRequired);
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        return new Checked(subjectKind, subject, action, input.Kind, input.DecisionNumber!.Trim(), input.DecidingBody!.Trim(),
            input.DecisionDate!.Value, from, input.EffectiveUntil, facts!, input.SourceSystem!.Trim(),
            input.Confidential ? input.ConfidentialBasis!.Trim() : null, replaces ? input.Reason!.Trim() : null,
            input.RefersToDecisionNumber?.Trim() is { Length: > 0 } n ? n : null);
    }

    private static bool Filled(string? value, int max) => !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= max;
}
