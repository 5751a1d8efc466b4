using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ggzy.Platform.Data;

public static class DbContextRegistration
{
    /// <summary>Registers a module's context on the configured provider, with its own migrations history table.</summary>
    public static IServiceCollection AddGgzyDbContext<TContext>(this IServiceCollection services, string historyTable)
        where TContext : DbContext
    {
        services.AddDbContext<TContext>((sp, builder) =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var connectionString = DatabaseSetup.ResolveConnectionString(options, sp.GetRequiredService<IConfiguration>());
            builder.UseGgzyDatabase(options.Provider, connectionString, historyTable);
        });
        services.AddSingleton(new MigratedContext(typeof(TContext)));
        return services;
    }
}
