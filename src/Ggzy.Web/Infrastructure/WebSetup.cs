using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Ggzy.Platform.Data;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Navigation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;

namespace Ggzy.Web.Infrastructure;

internal static class WebSetup
{
    public static WebApplicationBuilder AddGgzyWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActorAccessor, HttpActorAccessor>();

        // Chinese text is written as it is, not as numeric character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // A global filter: folder conventions would miss the modules' area pages.
        services.AddRazorPages();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new PageRuleFilter()));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiProblems.Customize);
        services.AddExceptionHandler<GgzyExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Ggzy 公共资源交易平台接口";
            document.Info.Description = "所有接口位于 /api/v1；错误以 application/problem+json 返回，说明与字段名为中文。";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddDbContextCheck<PlatformDbContext>("database", tags: ["ready"]);
        services.AddAntiforgery(o => o.Cookie.Name = "ggzy.af");
        services.AddAnonymousWriteLimit();
        services.AddNavigation(
            new NavigationItem("首页", "/", null, 0),
            new NavigationItem("工作台", "/Workbench", PlatformPermissions.Workbench, 10),
            new NavigationItem("法定规则", "/Rules", null, 700),
            new NavigationItem("工作日历", "/Calendar", null, 710),
            new NavigationItem("接口参考", "/api/reference", null, 900));
        return builder;
    }

    public static WebApplication UseGgzyPipeline(this WebApplication app)
    {
        app.UseExceptionHandler("/Error/500");
        app.UseWhen(c => !ApiProblems.IsApi(c), b => b.UseStatusCodePagesWithReExecute("/Error/{0}"));
        app.UseWhen(ApiProblems.IsApi, b => b.UseStatusCodePages(context =>
            ApiProblems.WriteAsync(context.HttpContext, new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = context.HttpContext.Response.StatusCode })));
        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseMiddleware<ApiBodyLimit>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapGgzySite(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/reference";
            o.SwaggerEndpoint("/openapi/v1.json", "Ggzy v1");
            o.DocumentTitle = "接口参考 — Ggzy 公共资源交易平台";
        });
        return app;
    }
}
