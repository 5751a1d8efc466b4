using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Features.Projects;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Areas.Trading.Pages.Projects;

/// <summary>
/// 登记项目 (R4): the tenderer's or agency's staff fill in the project, its lots (several rows; a blank row is ignored)
/// and attach the scans; the catalog decides on the total of the lots whether it must enter and which center takes it.
/// </summary>
[RequirePermission(TradingPermissions.RegisterProject)]
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class RegisterModel(ITradingCatalog catalog) : PageModel
{
    // The service is internal to the module, so a public page model cannot take it in its constructor.
    private ProjectRegistrationService Service => HttpContext.RequestServices.GetRequiredService<ProjectRegistrationService>();

    /// <summary>Four files of up to 20 MB each and the form.</summary>
    public const long RequestLimit = 100 * 1024 * 1024;

    private const int BlankRows = 3;

    [BindProperty]
    public RegisterProjectInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? ApprovalFile { get; set; }

    [BindProperty]
    public IFormFile? EntrustmentFile { get; set; }

    [BindProperty]
    public IFormFile? FundingFile { get; set; }

    [BindProperty]
    public List<IFormFile> OtherFiles { get; set; } = [];

    public bool AsAgency { get; private set; }

    public IReadOnlyList<HandlingCenter> Centers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.RegionCode ??= Platform.Demo.DemoAccounts.CityRegion;
        Input.Regime ??= "Tender";
        Input.Sector ??= CatalogNames.Construction;
        Input.Industry ??= SupervisoryDepartments.HousingIndustry;
        await PrepareAsync(ct);
    }

    /// <summary>One more lot row (files chosen so far must be chosen again).</summary>
    public async Task<IActionResult> OnPostAddRowAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Input.Lots.Add(new RegisterLotInput { Method = "OpenTender" });
        await PrepareAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var lots = Input.Lots.Where(l => !string.IsNullOrWhiteSpace(l.Name) || l.EstimatedAmount is not null).ToList();
        var input = new RegisterProjectInput
        {
            Name = Input.Name,
            Regime = Input.Regime,
            Sector = Input.Sector,
            Industry = Input.Industry,
            ProjectType = Input.ProjectType,
            RegionCode = Input.RegionCode,
            TendererCode = Input.TendererCode,
            NeedsApproval = Input.NeedsApproval,
            ApprovalNumber = Input.ApprovalNumber,
            ApprovalAuthority = Input.ApprovalAuthority,
            FundingSource = Input.FundingSource,
            FundingAmount = Input.FundingAmount,
            MunicipalPlatformCompany = Input.MunicipalPlatformCompany,
            Lots = lots,
        };
        var files = new List<ProjectUpload>();
        Add(ApprovalFile, ProjectFileKind.Approval);
        Add(EntrustmentFile, ProjectFileKind.Entrustment);
        Add(FundingFile, ProjectFileKind.Funding);
        foreach (var other in OtherFiles)
        {
            Add(other, ProjectFileKind.Other);
        }

        try
        {
            var project = await Service.RegisterAsync(TradingUser.From(User), User.IsInRole(Roles.Agency), input, files, ct);
            TempData["Message"] = $"项目已登记，统一交易标识码 {project.TradeCode}，等待{project.CenterName ?? "交易中心"}受理。";
            return RedirectToPage("Details", new { id = project.Id });
        }
        catch (Exception e) when (e is InputValidationException or BusinessRuleException)
        {
            ModelState.Clear();
            CatalogPages.AddErrors(ModelState, e, nameof(Input));
            if (files.Count > 0)
            {
                ModelState.AddModelError(string.Empty, "出于安全原因，浏览器不会保留已选择的文件，请改正后重新选择文件。");
            }

            await PrepareAsync(ct);
            return Page();
        }

        void Add(IFormFile? file, ProjectFileKind kind)
        {
            if (file is not null)
            {
                files.Add(new ProjectUpload(kind, file.FileName, file.ContentType, file.Length, file.OpenReadStream));
            }
        }
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        AsAgency = User.IsInRole(Roles.Agency);
        Centers = await catalog.CentersAsync(ct);
        while (Input.Lots.Count < BlankRows)
        {
            Input.Lots.Add(new RegisterLotInput { Method = "OpenTender" });
        }
    }
}
