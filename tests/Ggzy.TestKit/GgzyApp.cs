using System.Net;
using System.Text.RegularExpressions;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Xunit;

namespace Ggzy.TestKit;

/// <summary>
/// The platform as a test sees it: the real host on a fresh database with the demo seeded, and intent methods
/// for signing in as the demo's accounts.
/// </summary>
public partial class GgzyApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool _ownsDatabase = true;
    private TestDatabase? _database;
    private bool _copiedFromTemplate;

    public GgzyApp()
    {
    }

    /// <summary>A host on a database someone else owns and disposes (the demo template's).</summary>
    internal GgzyApp(TestDatabase database)
    {
        _database = database;
        _ownsDatabase = false;
    }

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Call InitializeAsync first.");

    protected virtual bool SeedDemo => true;

    /// <summary>The database provider; null follows GGZY_TEST_DATABASE.</summary>
    protected virtual DatabaseProvider? Provider => null;

    /// <summary>
    /// Whether the host starts from a copy of the seeded demo (<see cref="DemoTemplate"/>) rather than seeding its own.
    /// A host whose settings change what the demo seeds, or that watches the seeding, seeds its own.
    /// </summary>
    protected virtual bool StartsFromDemoTemplate => SeedDemo;

    /// <summary>Whether passwords are hashed with the test work factor (<see cref="TestPasswordHashing"/>).</summary>
    protected virtual bool LowersPasswordWorkFactor => true;

    public virtual async ValueTask InitializeAsync()
    {
        _copiedFromTemplate = StartsFromDemoTemplate;
        _database = StartsFromDemoTemplate
            ? await DemoTemplate.CopyAsync(Provider ?? TestDatabase.ConfiguredProvider)
            : await TestDatabase.CreateAsync(Provider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Ggzy", Database.ConnectionString);
        builder.UseSetting("Database:DataDirectory", Database.DataDirectory);
        // A copy of the demo template was migrated by this very build when the template was made: migrating it again
        // finds nothing to do, yet costs about half a second per host (the model is compared with the migrations').
        builder.UseSetting("Database:MigrateOnStartup", _copiedFromTemplate ? "false" : "true");
        builder.UseSetting("Seed:Demo", SeedDemo ? "true" : "false");

        // Every test host client comes from one address; the limit itself is tested with a host that lowers it.
        builder.UseSetting("Web:AnonymousWritesPerMinute", "1000000");
        if (LowersPasswordWorkFactor)
        {
            builder.ConfigureTestServices(s => s.AddTestPasswordHashing());
        }
    }

    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in through the sign-in form, as a browser would be.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = DemoAccounts.Password)
    {
        var client = CreateAnonymousClient();
        var token = await AntiforgeryTokenAsync(client, "/Account/SignIn");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        var response = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {path}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null && _ownsDatabase)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
