using System.Net.Http.Json;
using System.Text.Json;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Ggzy.TestKit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Web.Tests.Identity;

/// <summary>What the identity tests do over and over: fresh accounts, form posts with their antiforgery token, row counts.</summary>
internal static class AccountSteps
{
    public const string StrongPassword = "Ggzy#Test2026";

    private static int _counter;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>A new account no other test uses, so that locking or changing it disturbs nothing else.</summary>
    public static async Task<string> CreateUserAsync(this GgzyApp app, string role, string organization = "安和市公共资源交易中心",
        string password = DemoAccounts.Password)
    {
        var userName = $"t{Interlocked.Increment(ref _counter)}.{Guid.NewGuid():N}"[..20];
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var user = new PlatformUser
        {
            UserName = userName,
            DisplayName = "测试" + userName,
            OrganizationId = await db.Organizations.Where(o => o.Name == organization).Select(o => (Guid?)o.Id).SingleAsync(Ct),
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return userName;
    }

    public static async Task<Guid> OrganizationIdAsync(this GgzyApp app, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Organizations
            .Where(o => o.Name == name).Select(o => o.Id).SingleAsync(Ct);
    }

    public static async Task<PlatformUser> UserAsync(this GgzyApp app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Users.AsNoTracking()
            .SingleAsync(u => u.UserName == userName, Ct);
    }

    /// <summary>Accounts, API tokens and ledger entries: what a refused request must leave as it was.</summary>
    public static async Task<(int Users, int Tokens, long Ledger)> CountsAsync(this GgzyApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return (await db.Users.CountAsync(Ct), await db.ApiTokens.CountAsync(Ct), await db.LedgerEntries.LongCountAsync(Ct));
    }

    public static async Task<IReadOnlyList<string>> LedgerTypesAsync(this GgzyApp app, string subject)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().LedgerEntries.AsNoTracking()
            .Where(e => e.Subject == subject).OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync(Ct);
    }

    /// <summary>Posts a form as a browser does: the antiforgery token comes from the page that shows the form.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, string action,
        IReadOnlyDictionary<string, string> fields)
    {
        var token = await GgzyApp.AntiforgeryTokenAsync(client, formPage);
        using var form = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(new Uri(action, UriKind.Relative), form, Ct);
    }

    /// <summary>The first step of signing in: user name and password. A client whose account has two-factor sign-in goes on to /Account/TwoFactor.</summary>
    public static Task<HttpResponseMessage> PostPasswordAsync(this HttpClient client, string userName, string password) =>
        client.PostFormAsync("/Account/SignIn", "/Account/SignIn", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });

    public static async Task<string> HtmlAsync(this HttpResponseMessage response) => await response.Content.ReadAsStringAsync(Ct);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Ct);

    public static Task<HttpResponseMessage> GetPathAsync(this HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative), Ct);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
