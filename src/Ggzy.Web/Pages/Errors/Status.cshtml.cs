using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Web.Pages.Errors;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string Title { get; private set; } = "";

    public string Detail { get; private set; } = "";

    public string? TraceId { get; private set; }

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        (Title, Detail) = Code switch
        {
            403 => ("无权访问", "您的角色没有查看此页面或进行此操作的权限。如需办理，请联系交易中心。"),
            429 => ("提交过于频繁", "未登录时一分钟内的提交次数已达上限，本次提交未被处理。请一分钟后重试。"),
            404 => ("页面不存在", "您访问的页面不存在或已被移除，请检查地址是否正确。"),
            >= 500 => ("服务暂时出错", "服务器处理请求时出错，已记录。请稍后重试；如持续出现，请联系交易中心。"),
            _ => ("请求未能完成", "请求有误，请返回上一页检查后重试。"),
        };
        TraceId = Code >= 500 ? HttpContext.TraceIdentifier : null;
        Response.StatusCode = Code;
    }
}
