using Ggzy.Platform.Identity;
using Ggzy.Platform.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Web.Pages.Rules;

[AllowAnonymous]
public sealed class IndexModel(StatutoryRuleRegistry registry, PermissionTable permissions) : PageModel
{
    public IReadOnlyList<StatutoryRule> Rules { get; private set; } = [];

    public IReadOnlyList<RuleOverride> Overrides { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public static string Explain(RuleConfidence confidence) => confidence switch
    {
        RuleConfidence.Official => "已对照官方网站全文核对",
        RuleConfidence.Curated => "依据转录全文，条号或个别字词待核",
        RuleConfidence.Secondary => "依据第三方逐字引用",
        RuleConfidence.Implementation => "地方规定或已运行系统的做法",
        RuleConfidence.Unverified => "未在所读资料中找到，待核实",
        _ => "",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rules = registry.All;
        Overrides = await registry.ActiveOverridesAsync(null, ct);
        CanEdit = permissions.Grants(User, PlatformPermissions.ManageRules);
    }
}
