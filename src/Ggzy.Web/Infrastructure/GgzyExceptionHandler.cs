using Ggzy.Platform.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Ggzy.Web.Infrastructure;

/// <summary>
/// The one place exceptions become responses. On /api: problem+json in Chinese, naming the field and the rule.
/// Elsewhere unexpected errors fall through to the Chinese error page.
/// </summary>
internal sealed partial class GgzyExceptionHandler(ILogger<GgzyExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        // The middleware has already pointed the request at the error page; the feature keeps the path that failed.
        if (context.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } failedPath)
        {
            if (!new PathString(failedPath).StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            context.Request.Path = failedPath;
        }

        if (!ApiProblems.IsApi(context))
        {
            return false;
        }

        var problem = Describe(exception);
        if (problem.Status >= 500)
        {
            LogUnhandled(log, exception, context.Request.Method, context.Request.Path);
        }

        await ApiProblems.WriteAsync(context, problem);
        return true;
    }

    private static ProblemDetails Describe(Exception exception)
    {
        switch (exception)
        {
            case BadHttpRequestException bad:
            {
                var (status, detail, field) = BadRequestTranslator.Translate(bad);
                return WithField(new ProblemDetails { Status = status, Detail = detail }, field, detail);
            }

            case InputValidationException invalid:
                return new HttpValidationProblemDetails(invalid.Errors)
                {
                    Status = 400,
                    Detail = invalid.Message + string.Concat(invalid.Errors.SelectMany(e => e.Value.Select(m => $" {e.Key}：{m}"))),
                };
            case BusinessRuleException rule:
            {
                var problem = WithField(new ProblemDetails { Status = rule.Status, Detail = rule.Message }, rule.Field, rule.Message);
                if (rule.Citation is not null)
                {
                    problem.Extensions["citation"] = rule.Citation;
                }

                if (rule.Code is not null)
                {
                    problem.Extensions["code"] = rule.Code;
                }

                foreach (var (name, value) in rule.Details ?? new Dictionary<string, object?>())
                {
                    problem.Extensions[name] = value;
                }

                return problem;
            }

            case NotFoundException notFound:
                return new ProblemDetails { Status = 404, Detail = notFound.Message };
            case ForbiddenException forbidden:
                return new ProblemDetails { Status = 403, Detail = forbidden.Message };
            default:
                return new ProblemDetails { Status = 500 };
        }
    }

    private static ProblemDetails WithField(ProblemDetails problem, string? field, string message)
    {
        if (field is not null)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
        }

        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
