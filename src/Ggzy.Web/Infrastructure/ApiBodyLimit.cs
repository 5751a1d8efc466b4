using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Ggzy.Web.Infrastructure;

/// <summary>
/// Caps request bodies on /api (configured by Web:MaxApiBodyBytes); larger bodies are refused with 413. An endpoint
/// that receives files states its own limit with <see cref="IRequestSizeLimitMetadata"/> (a
/// <see cref="Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute"/> in its metadata), which then applies instead.
/// Runs after routing, so that the endpoint is known.
/// </summary>
internal sealed class ApiBodyLimit(RequestDelegate next, IOptions<WebOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (ApiProblems.IsApi(context))
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? options.Value.MaxApiBodyBytes;
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
