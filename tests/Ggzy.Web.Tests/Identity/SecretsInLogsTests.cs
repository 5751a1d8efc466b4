using System.Collections.Concurrent;
using System.Net;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Ggzy.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Identity;

/// <summary>Every log line of every category at every level, scopes included, as text.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue($"{category} scope: {Describe(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} | {Describe(state)} | {exception}");

        private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : state?.ToString() ?? "";
    }
}

public sealed class LoggedApp : GgzyApp
{
    public CapturedLogs Logs { get; } = new();

    // The seeding's log is part of what is checked.
    protected override bool StartsFromDemoTemplate => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
    }
}

public sealed class SecretsInLogsTests(LoggedApp app) : IClassFixture<LoggedApp>
{
    [Fact]
    public async Task PasswordsAndTokens_NeverReachTheLogs()
    {
        const string wrongPassword = "Wr0ng#Secret!x";
        const string newOwnPassword = "Own#Secret2026";
        const string initialPassword = "Init#Secret2026";
        const string resetPassword = "Reset#Secret2026";
        var userName = await app.CreateUserAsync(Roles.CenterStaff);
        await app.CreateAnonymousClient().PostPasswordAsync(userName, wrongPassword);
        var staff = await app.SignInAsync(userName);
        await staff.PostFormAsync("/Account/Security", "/Account/Security?handler=Password", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = DemoAccounts.Password,
            ["Password.NewPassword"] = newOwnPassword,
            ["Password.ConfirmPassword"] = newOwnPassword,
        });
        var issued = await (await staff.PostJsonAsync("/api/v1/tokens", new { name = "日志检查", validDays = 1 })).JsonAsync();
        var token = issued.GetProperty("token").GetString()!;
        var system = app.CreateAnonymousClient();
        system.DefaultRequestHeaders.Authorization = new("Bearer", token);
        (await system.GetPathAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        system.DefaultRequestHeaders.Authorization = new("Bearer", token + "x");
        (await system.GetPathAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var admin = await app.SignInAsync("admin");
        var created = await (await admin.PostJsonAsync("/api/v1/admin/users", new
        {
            userName = "log.check",
            displayName = "日志检查",
            role = Roles.CenterStaff,
            organizationId = await app.OrganizationIdAsync("安和市公共资源交易中心"),
            password = initialPassword,
        })).JsonAsync();
        await admin.PostJsonAsync($"/api/v1/admin/users/{created.GetProperty("id").GetGuid()}/password", new { newPassword = resetPassword });
        await app.SignInAsync("log.check", resetPassword);

        app.Logs.Lines.ShouldContain(l => l.Contains("/api/v1/me", StringComparison.Ordinal), "the capture sees the host's request logs");
        string[] secrets = [DemoAccounts.Password, wrongPassword, newOwnPassword, initialPassword, resetPassword, token, token[12..]];
        foreach (var secret in secrets)
        {
            app.Logs.Lines.Where(l => l.Contains(secret, StringComparison.Ordinal)).ShouldBeEmpty();
        }
    }
}
