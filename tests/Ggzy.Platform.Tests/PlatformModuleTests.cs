using Ggzy.Platform.Alerts;
using Ggzy.Platform.Calendar;
using Ggzy.Platform.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Platform.Tests;

public sealed class PlatformModuleTests
{
    [Fact]
    public async Task AddPlatform_CalendarRulesAndAlerts_AreResolvable()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Ggzy"] = "Data Source=:memory:" })
            .Build();
        await using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddPlatform()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();

        scope.ServiceProvider.GetRequiredService<WorkCalendar>().ShouldNotBeNull();
        scope.ServiceProvider.GetRequiredService<SaveCalendarYear>().ShouldNotBeNull();
        scope.ServiceProvider.GetRequiredService<StatutoryRuleRegistry>().ShouldNotBeNull();
        scope.ServiceProvider.GetRequiredService<PlatformAlerts>().ShouldNotBeNull();
        scope.ServiceProvider.GetRequiredService<ShippedCalendar>().ShouldBeSameAs(provider.GetRequiredService<ShippedCalendar>());
        scope.ServiceProvider.GetRequiredService<CalendarCache>().ShouldBeSameAs(provider.GetRequiredService<CalendarCache>());
    }
}
