using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Ggzy.Platform.Errors;

namespace Ggzy.Web.Infrastructure;

/// <summary>Checks an endpoint's JSON input against its data annotations (Chinese messages) before the handler runs.</summary>
internal sealed class ValidationFilter<T> : IEndpointFilter
    where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var input = context.Arguments.OfType<T>().FirstOrDefault();
        if (input is null)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["body"] = ["请求内容不能为空，请提交 JSON 对象。"] });
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true))
        {
            var errors = results
                .SelectMany(r => r.MemberNames.DefaultIfEmpty("body").Select(m => (Member: JsonNamingPolicy.CamelCase.ConvertName(m), r.ErrorMessage)))
                .GroupBy(x => x.Member, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(x => x.ErrorMessage ?? "值无效").ToArray(), StringComparer.Ordinal);
            throw new InputValidationException(errors);
        }

        return await next(context);
    }
}

internal static class ValidationFilterExtensions
{
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder)
        where T : class =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
