using System.Globalization;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Time;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Domain.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Trading.Areas.Trading.Pages.Lots;

/// <summary>
/// A lot's documents: the tenderer or agency uploads them and publishes clarifications (the form proposes the deadline
/// the law requires); market entities download them while on sale and raise objections; the download log stays
/// secret until the deadline (20号令 第二十条至第二十二条、实施条例 第二十一条、第二十二条).
/// </summary>
[RequirePermission(TradingPermissions.ReadDocuments)]
[RequestSizeLimit(DocumentUploadOptions.MaxRequestBytes)]
public sealed class DocumentsModel(ILotDocuments documents, IBidOpenings openings, PermissionTable permissions) : PageModel
{
    private static readonly char[] ItemSeparators = ['\n', '\r', ',', '，', '、', ';', '；'];

    public LotDocumentsView View { get; private set; } = null!;

    /// <summary>The lot's opening settings, for the tenderer or agency that runs it (null for everyone else).</summary>
    public OpeningSettingsView? Opening { get; private set; }

    [BindProperty]
    public OpeningSettingsForm OpeningForm { get; set; } = new();

    public DeadlineProposalInfo? Proposal { get; private set; }

    public bool CanDownload { get; private set; }

    public bool CanObject { get; private set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public ClarificationForm Clarify { get; set; } = new();

    [BindProperty]
    public ObjectionInput Objection { get; set; } = new();

    [BindProperty]
    public ObjectionAnswerInput Answer { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid lotId, CancellationToken ct)
    {
        await LoadAsync(lotId, ct);
        if (Opening is { } settings)
        {
            OpeningForm = OpeningSettingsForm.Of(settings);
        }

        if (Proposal is { } p && Clarify.NewDeadline is null)
        {
            Clarify.NewDeadline = p.EarliestDeadline.ToOffset(ChinaTime.Offset).DateTime;
        }

        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid lotId, Guid documentId, CancellationToken ct)
    {
        if (!permissions.Grants(User, TradingPermissions.DownloadDocuments) && !permissions.Grants(User, TradingPermissions.ManageDocuments))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        try
        {
            var content = await documents.DownloadAsync(User, lotId, documentId, ct);
            return File(content.Content, content.ContentType, content.FileName);
        }
        catch (BusinessRuleException e)
        {
            CatalogPages.AddErrors(ModelState, e, "");
            await LoadAsync(lotId, ct);
            return Page();
        }
    }

    public Task<IActionResult> OnPostUploadAsync(Guid lotId, CancellationToken ct) =>
        ActAsync(lotId, TradingPermissions.ManageDocuments, nameof(Upload), async () =>
        {
            var file = Upload ?? throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["File"] = ["请选择要上传的文件。"],
            });
            var stored = await documents.UploadAsync(User, lotId, new UploadedFile(file.FileName, file.Length, file.OpenReadStream), ct);
            return $"已上传 {stored.FileName}（SM3 {stored.Digest}）。";
        }, ct);

    public Task<IActionResult> OnPostClarifyAsync(Guid lotId, CancellationToken ct) =>
        ActAsync(lotId, TradingPermissions.ManageDocuments, nameof(Clarify), async () =>
        {
            var files = Clarify.Files.Where(f => f.Length > 0)
                .Select(f => new UploadedFile(f.FileName, f.Length, f.OpenReadStream)).ToList();
            var input = new ClarificationInput
            {
                Text = Clarify.Text,
                NewDeadline = Clarify.NewDeadline is { } local ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime.Offset) : null,
            };
            var published = await documents.ClarifyAsync(User, lotId, input, files, ct);
            return published.DeadlineMoved
                ? $"第 {published.Number} 号澄清或者修改已发布并通知已下载文件的单位；截止时间顺延至 {ChinaTime.Format(published.Deadline)}。"
                : $"第 {published.Number} 号澄清或者修改已发布并通知已下载文件的单位。";
        }, ct);

    public Task<IActionResult> OnPostObjectAsync(Guid lotId, CancellationToken ct) =>
        ActAsync(lotId, TradingPermissions.RaiseObjection, nameof(Objection), async () =>
        {
            var raised = await documents.ObjectAsync(User, lotId, Objection, ct);
            return $"异议已提出。{raised.Assessment}";
        }, ct);

    public Task<IActionResult> OnPostAnswerAsync(Guid lotId, Guid objectionId, CancellationToken ct) =>
        ActAsync(lotId, TradingPermissions.ManageDocuments, nameof(Answer), async () =>
        {
            await documents.AnswerAsync(User, objectionId, Answer, ct);
            return "答复已送达异议人。";
        }, ct);

    /// <summary>
    /// 开标事项 with the tender documents (docs/bid-opening.md §3), through the same service and checks as
    /// <c>PUT /api/v1/trading/lots/{lot}/opening/settings</c>; refused at and after the deadline.
    /// </summary>
    public Task<IActionResult> OnPostOpeningAsync(Guid lotId, CancellationToken ct) =>
        ActAsync(lotId, TradingPermissions.ManageOpening, nameof(OpeningForm), async () =>
        {
            var saved = await openings.SetSettingsAsync(User, lotId, OpeningForm.ToInput(), ct);
            return $"开标事项已保存：唱标内容 {(saved.Items.Count == 0 ? "仅投标人名称和投标总价" : string.Join("、", saved.Items))}，解密时限 {saved.DecryptionMinutes} 分钟。";
        }, ct, keepForm: true);

    /// <summary>An unknown lot or file is 404; a lot the user may not act on is 403, as for the API.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is NotFoundException or ForbiddenException && !executed.ExceptionHandled)
        {
            executed.Result = executed.Exception is NotFoundException ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);
            executed.ExceptionHandled = true;
        }
    }

    private async Task<IActionResult> ActAsync(Guid lotId, string permission, string prefix, Func<Task<string>> act, CancellationToken ct,
        bool keepForm = false)
    {
        if (!permissions.Grants(User, permission))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        ModelState.Clear();
        try
        {
            Message = await act();
            return RedirectToPage(new { lotId });
        }
        catch (Exception e) when (e is InputValidationException or BusinessRuleException)
        {
            CatalogPages.AddErrors(ModelState, e, prefix);
        }

        await LoadAsync(lotId, ct);
        if (!keepForm && Opening is { } settings)
        {
            OpeningForm = OpeningSettingsForm.Of(settings);
        }

        return Page();
    }

    private async Task LoadAsync(Guid lotId, CancellationToken ct)
    {
        View = await documents.ViewAsync(User, lotId, ct);
        Opening = null;
        if (View.RunsProject && permissions.Grants(User, TradingPermissions.ManageOpening))
        {
            try
            {
                var settings = await openings.SettingsAsync(User, lotId, ct);
                Opening = settings.Prequalification ? null : settings;
            }
            catch (NotFoundException)
            {
                // A draft lot, or a project not yet accepted: there is nothing to open yet.
                Opening = null;
            }
        }

        CanDownload = permissions.Grants(User, TradingPermissions.DownloadDocuments) || View.RunsProject;
        CanObject = View.MayObject && permissions.Grants(User, TradingPermissions.RaiseObjection);
        if (View.MayClarify && permissions.Grants(User, TradingPermissions.ManageDocuments))
        {
            try
            {
                Proposal = await documents.ProposeDeadlineAsync(User, lotId, ct);
            }
            catch (BusinessRuleException)
            {
                Proposal = null;
            }
        }
    }

    /// <summary>
    /// The opening settings as typed: the read-out items one a line (or separated by 、，;), the prices in 元 and the
    /// window in minutes as text, so that a value that is not a number gets a Chinese message instead of the binder's.
    /// </summary>
    public sealed class OpeningSettingsForm
    {
        public string? Items { get; set; }

        public string? DecryptionMinutes { get; set; }

        public string? Fallback { get; set; }

        public string? ReferencePrice { get; set; }

        public string? MaxPrice { get; set; }

        public static OpeningSettingsForm Of(OpeningSettingsView view) => new()
        {
            Items = string.Join("\n", view.Items),
            DecryptionMinutes = view.DecryptionMinutesDefault ? null : view.DecryptionMinutes.ToString(CultureInfo.InvariantCulture),
            Fallback = view.Fallback,
            ReferencePrice = view.ReferencePrice?.ToString("0.00", CultureInfo.InvariantCulture),
            MaxPrice = view.MaxPrice?.ToString("0.00", CultureInfo.InvariantCulture),
        };

        public OpeningSettingsInput ToInput()
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            int? minutes = null;
            if (!string.IsNullOrWhiteSpace(DecryptionMinutes))
            {
                if (int.TryParse(DecryptionMinutes.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m))
                {
                    minutes = m;
                }
                else
                {
                    errors["decryptionMinutes"] = ["解密时限请填写 15 至 240 之间的整数（分钟），留空则取平台默认值。"];
                }
            }

            decimal? Price(string? text, string field, string name)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                if (decimal.TryParse(text.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                errors[field] = [$"{name}请填写金额（元），如 4800000.00；不设{name}的留空。"];
                return null;
            }

            var reference = Price(ReferencePrice, "referencePrice", "标底");
            var max = Price(MaxPrice, "maxPrice", "最高投标限价");
            if (errors.Count > 0)
            {
                throw new InputValidationException(errors);
            }

            var items = (Items ?? "").Split(ItemSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            return new OpeningSettingsInput(items, minutes, Fallback, reference, max);
        }
    }

    /// <summary>The clarification form: text, files, and the new deadline in China time.</summary>
    public sealed class ClarificationForm
    {
        public string? Text { get; set; }

        public DateTime? NewDeadline { get; set; }

        public List<IFormFile> Files { get; set; } = [];
    }
}
