using Ggzy.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Ggzy.Web.Pages;

[AllowAnonymous]
public sealed class IndexModel(IOptions<WebOptions> options) : PageModel
{
    public string PlatformName { get; } = options.Value.PlatformName;

    public void OnGet()
    {
    }
}
