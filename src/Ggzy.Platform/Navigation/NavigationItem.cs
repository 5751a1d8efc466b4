using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Platform.Navigation;

/// <summary>
/// An entry of the site's navigation. Shown to a user who holds <see cref="Permission"/> (everyone when null);
/// each module adds its own.
/// </summary>
public sealed record NavigationItem(string Title, string Url, string? Permission, int Order);

public static class NavigationRegistration
{
    public static IServiceCollection AddNavigation(this IServiceCollection services, params NavigationItem[] items)
    {
        foreach (var item in items)
        {
            services.AddSingleton(item);
        }

        return services;
    }
}
