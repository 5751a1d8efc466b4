using Ggzy.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Web.Tests;

/// <summary>The host plus one API endpoint that says nothing about who may call it: default deny must refuse it.</summary>
public sealed class UnmarkedEndpointApp : GgzyApp
{
    public const string Path = "/api/v1/test/unmarked";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, AddUnmarkedEndpoint>());
    }

    private sealed class AddUnmarkedEndpoint : IStartupFilter
    {
        // UseRouting leaves the host's route builder in the pipeline under this key; endpoints mapped on it join the app's own.
        private const string RouteBuilderKey = "__EndpointRouteBuilder";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            var routes = app.Properties.TryGetValue(RouteBuilderKey, out var builder) ? (IEndpointRouteBuilder)builder! :
                throw new InvalidOperationException("No route builder; keys: " + string.Join(", ", app.Properties.Keys));
            routes.MapGet(Path, () => "reached");
        };
    }
}
