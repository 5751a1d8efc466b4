using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Ggzy.Web.Infrastructure;

/// <summary>Caps request bodies on /api (configured by Web:MaxApiBodyBytes); larger bodies are refused with 413.</summary>
internal sealed class ApiBodyLimit(RequestDelegate next, IOptions<WebOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (ApiProblems.IsApi(context))
        {
            var limit = options.Value.MaxApiBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false })
            {
                feature.MaxRequestBodySize = limit;
            }
        }

        return next(context);
    }
}
