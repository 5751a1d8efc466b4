using Ggzy.Credit.Contracts;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Credit.Areas.Credit.Pages.Records;

/// <summary>
/// A supervisory department enters a record (R28); with <c>refersTo</c> and <c>action</c> the form starts as a
/// correction or revocation of that record, or (for a debarment) its lifting.
/// </summary>
[RequirePermission(CreditPermissions.ManageRecords)]
public sealed class NewModel(ICreditRecords records, PermissionTable permissions, TimeProvider clock) : PageModel
{
    public const string PlatformSource = "本平台录入";

    [BindProperty]
    public CreditRecordInput Input { get; set; } = new();

    public CreditRecordInfo? Original { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string? code, Guid? refersTo, CreditRecordAction? action, CancellationToken ct)
    {
        var today = Ggzy.Platform.Time.ChinaTime.Today(clock);
        Input = new CreditRecordInput { CreditCode = code, SourceSystem = PlatformSource, DecisionDate = today, Action = CreditRecordAction.Original };
        if (refersTo is { } id)
        {
            if (await records.DetailsAsync(id, permissions.Grants(User, CreditPermissions.ReadConfidentialRecords), ct) is not { } found)
            {
                return NotFound();
            }

            Original = found.Record;
            var lifting = action is null or CreditRecordAction.Original && found.Record.Kind == CreditRecordKind.Debarment;
            Input = new CreditRecordInput
            {
                CreditCode = found.Record.SubjectKind == CreditSubjectKind.MarketEntity ? found.Record.SubjectCode : null,
                Kind = lifting ? CreditRecordKind.DebarmentLifted : found.Record.Kind,
                Action = lifting ? CreditRecordAction.Original : action,
                RefersTo = id,
                DecidingBody = found.Record.DecidingBody,
                DecisionDate = today,
                EffectiveFrom = action == CreditRecordAction.Correction ? found.Record.EffectiveFrom : today,
                EffectiveUntil = action == CreditRecordAction.Correction ? found.Record.EffectiveUntil : null,
                Facts = action == CreditRecordAction.Correction ? found.Record.Facts : null,
                SourceSystem = PlatformSource,
                Confidential = found.Record.Confidential,
                ConfidentialBasis = found.Record.ConfidentialBasis,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var record = await records.EnterAsync(Input, ct);
            Message = $"已录入：{record.SubjectName} {CreditRecordNames.Of(record.Kind)}（{record.DecisionNumber}）" +
                (record.IsLate ? $"。注意：公开期限为 {CreditRecordPages.Day(record.PublicationDeadline)}，本记录已逾期录入。" : "。");
            return RedirectToPage("Details", new { id = record.Id });
        }
        catch (InputValidationException invalid)
        {
            // The host's page filter covers the host's own pages, not a module's area pages.
            foreach (var (field, messages) in invalid.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{char.ToUpperInvariant(field[0])}{field[1..]}", string.Concat(messages));
            }
        }
        catch (BusinessRuleException rule)
        {
            ModelState.AddModelError(string.Empty, rule.Citation is null ? rule.Message : $"{rule.Message}（依据：{rule.Citation}）");
        }
        catch (ForbiddenException forbidden)
        {
            ModelState.AddModelError(string.Empty, forbidden.Message);
        }

        return Page();
    }
}
