using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Rules;
using Ggzy.Web.Infrastructure;

namespace Ggzy.Web.Api;

internal static class RulesEndpoints
{
    public static RouteGroupBuilder MapRulesApi(this RouteGroupBuilder api)
    {
        var rules = api.MapGroup("/rules").WithTags("法定规则 Rules");

        rules.MapGet("/", async (StatutoryRuleRegistry registry, CancellationToken ct) =>
            {
                var overrides = await registry.ActiveOverridesAsync(null, ct);
                return TypedResults.Ok(registry.All.Select(r => RuleView.From(r, overrides)).ToList());
            })
            .AllowAnonymous()
            .WithSummary("平台执行的全部法定规则：数值、单位、计算方式、法律依据、来源可信度及生效的地方设定。");

        rules.MapGet("/{key}/effective", async (string key, string? region, StatutoryRuleRegistry registry, CancellationToken ct) =>
            {
                var effective = await registry.EffectiveAsync(key, region ?? "", ct);
                return TypedResults.Ok(new EffectiveRuleView(key, effective.Value, effective.Rule.Describe(effective.Value), effective.Source, effective.IsLocal));
            })
            .AllowAnonymous()
            .WithSummary("某规则在某行政区划（region，6 位代码）生效的数值及其依据。");

        rules.MapPost("/overrides", async (RuleOverrideInput input, StatutoryRuleRegistry registry, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var added = await registry.AddOverrideAsync(input.RuleKey!, input.RegionCode!, input.Value!.Value, input.Basis!, user.Identity!.Name!, ct);
                return TypedResults.Created($"/api/v1/rules/{added.RuleKey}/effective?region={added.RegionCode}", RuleOverrideView.From(added));
            })
            .Validate<RuleOverrideInput>()
            .RequireAuthorization(PlatformPermissions.ManageRules)
            .WithSummary("公管办为某行政区划设定更严格的规则数值（只能从严），注明地方依据，记入账本。");

        rules.MapDelete("/overrides/{id:guid}", async (Guid id, StatutoryRuleRegistry registry, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await registry.RetireOverrideAsync(id, user.Identity!.Name!, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(PlatformPermissions.ManageRules)
            .WithSummary("停用一项地方设定，记入账本。");
        return api;
    }
}

public sealed record RuleView(string Key, string Name, decimal Value, string Unit, string Direction, string Bound, string Counting,
    string Citation, string Confidence, IReadOnlyList<RuleOverrideView> Overrides)
{
    public static RuleView From(StatutoryRule r, IEnumerable<RuleOverride> overrides) => new(r.Key, r.Name, r.Value, r.Unit.ToString(),
        r.Direction.ToString(), r.Describe(r.Value), r.Counting, r.Citation, r.Confidence.Label(),
        [.. overrides.Where(o => o.RuleKey == r.Key).Select(RuleOverrideView.From)]);
}

public sealed record RuleOverrideView(Guid Id, string RuleKey, string RegionCode, decimal Value, string Basis, DateTimeOffset CreatedAt, string CreatedBy)
{
    public static RuleOverrideView From(RuleOverride o) => new(o.Id, o.RuleKey, o.RegionCode, o.Value, o.Basis, o.CreatedAt, o.CreatedBy);
}

public sealed record EffectiveRuleView(string Key, decimal Value, string Bound, string Source, bool IsLocal);

public sealed class RuleOverrideInput
{
    [Required(ErrorMessage = "请填写规则编号 ruleKey（见 GET /api/v1/rules）。")]
    public string? RuleKey { get; set; }

    [Required(ErrorMessage = "请填写 6 位行政区划代码 regionCode。")]
    public string? RegionCode { get; set; }

    [Required(ErrorMessage = "请填写地方设定的数值 value。")]
    public decimal? Value { get; set; }

    [Required(ErrorMessage = "请填写地方依据 basis，例如《某市公共资源交易管理办法》第十二条。")]
    [StringLength(300, ErrorMessage = "地方依据不超过 300 字。")]
    public string? Basis { get; set; }
}
