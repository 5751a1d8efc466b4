using Microsoft.AspNetCore.Mvc;

namespace Ggzy.Web.Infrastructure;

/// <summary>Chinese titles for the status codes the API returns; every error body is application/problem+json.</summary>
internal static class ApiProblems
{
    public static string TitleFor(int status) => status switch
    {
        400 => "请求有误",
        401 => "请先登录",
        403 => "无权进行此操作",
        404 => "未找到",
        405 => "不支持此请求方法",
        409 => "与当前状态冲突",
        413 => "请求内容过大",
        415 => "请求内容类型不受支持",
        422 => "不符合规则",
        429 => "请求过于频繁",
        _ when status >= 500 => "服务器内部错误",
        _ => "请求未能完成",
    };

    public static string DetailFor(int status) => status switch
    {
        401 => "此操作需要登录。请登录后重试，或在请求头 Authorization 中提供有效的接口令牌（Bearer）。",
        403 => "您的角色没有此操作的权限。如需办理，请联系交易中心。",
        404 => "请求的地址或资源不存在。请检查地址是否正确。",
        405 => "此地址不支持该请求方法，请查阅接口文档 /api/reference。",
        413 => "请求内容超过了允许的大小，请精简后重试。",
        429 => "未登录的提交过于频繁，已暂停接收。请一分钟后重试；对接系统请使用接口令牌登录后调用。",
        415 => "请求的内容类型不受支持：请以 application/json 提交，并设置请求头 Content-Type: application/json。",
        _ when status >= 500 => "服务器处理请求时出错，已记录。请稍后重试；如持续出现，请联系交易中心。",
        _ => TitleFor(status),
    };

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Title = TitleFor(status);
        problem.Detail ??= DetailFor(status);
        problem.Type ??= string.Create(System.Globalization.CultureInfo.InvariantCulture, $"https://httpstatuses.io/{status}");
        problem.Instance ??= context.HttpContext.Request.Path;
        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    }

    /// <summary>
    /// Writes a problem as application/problem+json whatever the client's Accept header says: every /api error has
    /// the same shape (the framework's writer declines when the client did not ask for JSON).
    /// </summary>
    public static Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? context.Response.StatusCode;
        Customize(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
        return context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, "application/problem+json", context.RequestAborted);
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
