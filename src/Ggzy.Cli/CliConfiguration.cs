using Microsoft.Extensions.Configuration;

namespace Ggzy.Cli;

/// <summary>The host's configuration sources, in the host's order: appsettings.json, its environment file, variables.</summary>
internal static class CliConfiguration
{
    public static IConfigurationRoot Build(string workingDirectory)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(workingDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
    }
}
