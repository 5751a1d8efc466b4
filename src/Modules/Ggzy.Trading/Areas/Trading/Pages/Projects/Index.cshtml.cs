using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Features.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Areas.Trading.Pages.Projects;

/// <summary>
/// 项目登记: a tenderer's or agency's own projects; the center's queue by status with counts; the Regulator's projects
/// awaiting confirmation; every project, read-only, for supervisors.
/// </summary>
[RequirePermission(TradingPermissions.ReadProjects)]
public sealed class IndexModel(PermissionTable permissions) : PageModel
{
    // The service is internal to the module, so a public page model cannot take it in its constructor.
    private ProjectRegistrationService Service => HttpContext.RequestServices.GetRequiredService<ProjectRegistrationService>();

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    internal ProjectList List { get; private set; } = new([], new Dictionary<ProjectStatus, int>());

    internal ProjectStatus? Filter { get; private set; }

    public bool CanRegister { get; private set; }

    public string Heading { get; private set; } = "项目登记";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = TradingUser.From(User);
        Filter = Enum.TryParse<ProjectStatus>(Status, out var s) && Enum.IsDefined(s) ? s : null;
        if (Status is null && user.IsRegulator && !user.IsCenter)
        {
            Filter = ProjectStatus.AwaitingRegulator;
        }

        Heading = user.IsCenter ? "项目受理" : user.IsRegulator ? "项目确认" : user.IsSupervisor ? "项目登记（查阅）" : "本单位项目";
        List = await Service.ListAsync(user, Filter, ct);
        CanRegister = permissions.Grants(User, TradingPermissions.RegisterProject);
    }
}
