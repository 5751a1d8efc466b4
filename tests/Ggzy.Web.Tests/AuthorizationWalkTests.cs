using System.Net;
using System.Text.RegularExpressions;
using Ggzy.Credit.Contracts;
using Ggzy.Experts.Contracts;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Ggzy.TestKit;
using Ggzy.Trading.Contracts;
using Ggzy.Web.Tests.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static Ggzy.Platform.Identity.Roles;

namespace Ggzy.Web.Tests;

/// <summary>
/// Default deny, checked end to end: every page and endpoint of the running host, requested by one account of every
/// role and by an anonymous visitor, answers exactly as its metadata and the permission table say.
/// </summary>
public sealed partial class AuthorizationWalkTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    /// <summary>What anyone may open without signing in. Adding to this list is a security decision: review it.</summary>
    private static readonly string[] ReviewedAnonymous =
    [
        "/",
        "/Index",
        "/Account/SignIn",
        "/Account/TwoFactor",
        "/Error/{code:int}",
        "/Calendar",
        "/Calendar/Index",
        "/Credit/Register",
        "/Credit/Entities",
        "/Credit/Entities/Index",
        "/Credit/Entities/Details",
        "/Credit/Invitations/Accept",
        "/Portal/Announcements",
        "/Portal/Announcements/Index",
        "/Portal/Announcements/{id:guid}",
        "/Portal/Openings",
        "/Portal/Openings/Index",
        "/Portal/Openings/{lotId:guid}",
        "/Portal/Awards",
        "/Portal/Awards/Index",
        "/Portal/Awards/Details/{lotId:guid}",
        "/Rules",
        "/Rules/Index",
        "/Trading/Catalog",
        "/Trading/Catalog/Index",
        "/api/v1/auth/certificate/challenge",
        "/api/v1/auth/certificate/token",
        "/api/v1/calendar/",
        "/api/v1/calendar/deadline",
        "/api/v1/calendar/{year:int}",
        "/api/v1/credit/entities/",
        "/api/v1/credit/entities/{code}",
        "/api/v1/credit/entities/{code}/standing",
        "/api/v1/credit/records/",
        "/api/v1/credit/entities/{code}/profile",
        "/api/v1/credit/invitations/accept",
        "/api/v1/experts/specialties",
        "/api/v1/experts/draws/{id:guid}/record",
        "/api/v1/rules/",
        "/api/v1/rules/{key}/effective",
        "/api/v1/trading/catalog/",
        "/api/v1/trading/catalog/classify",
        "/api/v1/trading/announcements/published",
        "/api/v1/trading/announcements/published/{id:guid}",
        "/api/v1/trading/announcements/published/{id:guid}/attachments/{fileId:guid}",
        "/api/v1/trading/openings/published/",
        "/api/v1/trading/openings/published/{lotId:guid}",
        "/api/v1/trading/awards/published/",
        "/api/v1/trading/awards/published/{lotId:guid}",
        "/health/live",
        "/health/ready",
        "/openapi/{documentName}.json",
    ];

    private static readonly string[] AllRoles = [.. Roles.All.Select(r => r.Name)];

    /// <summary>Who holds the key permissions. A change to a grant shows up here in review.</summary>
    public static TheoryData<string, string[]> ReviewedGrants => new()
    {
        { PlatformPermissions.Workbench, AllRoles },
        { PlatformPermissions.ManageOwnAccount, AllRoles },
        { PlatformPermissions.ReadLedger, [CenterAdministrator, Regulator, Supervisor] },
        { PlatformPermissions.ManageCalendar, [Regulator] },
        { PlatformPermissions.ManageRules, [Regulator] },
        { PlatformPermissions.ManageUsers, [CenterAdministrator] },
        { PlatformPermissions.ManageApiTokens, [CenterAdministrator, CenterStaff, Regulator, Supervisor, Tenderer, Agency, Bidder] },
        { PlatformPermissions.ReadAlerts, [CenterAdministrator, Regulator] },
        { CreditPermissions.ManageRecords, [Regulator, Supervisor] },
        { CreditPermissions.ReadConfidentialRecords, [Regulator, Supervisor] },
        { CreditPermissions.ManageTrustList, [CenterAdministrator] },
        { CreditPermissions.ManageOwnEntity, [Agency, Bidder, Tenderer] },
        { CreditPermissions.InviteStaff, [Agency, Bidder, Tenderer] },
        { ExpertPermissions.ReadPool, [CenterAdministrator, CenterStaff, Regulator] },
        { ExpertPermissions.ManagePool, [CenterAdministrator, CenterStaff] },
        { ExpertPermissions.ReadIdentities, [CenterAdministrator, CenterStaff] },
        { ExpertPermissions.Suspend, [CenterAdministrator, Regulator] },
        { ExpertPermissions.Blacklist, [Regulator, Supervisor] },
        { ExpertPermissions.ReadSanctions, [CenterAdministrator, CenterStaff, Regulator, Supervisor] },
        { ExpertPermissions.ManageOwnProfile, [Expert] },
        { ExpertPermissions.Rate, [CenterAdministrator, CenterStaff, Tenderer] },
        { TradingPermissions.DraftCatalog, [CenterAdministrator, CenterStaff] },
        { TradingPermissions.ReadCatalogVersions, [CenterAdministrator, CenterStaff, Regulator] },
        { TradingPermissions.ApproveCatalog, [Regulator] },
        { TradingPermissions.RegisterProject, [Tenderer, Agency] },
        { TradingPermissions.DecideProject, [CenterAdministrator, CenterStaff] },
        { TradingPermissions.ConfirmProject, [Regulator] },
        { TradingPermissions.ReadProjects, [Tenderer, Agency, CenterAdministrator, CenterStaff, Regulator, Supervisor] },
        { TradingPermissions.ComposeAnnouncement, [Tenderer, Agency] },
        { TradingPermissions.ReadAnnouncements, [Tenderer, Agency, Bidder, CenterAdministrator, CenterStaff, Regulator, Supervisor] },
        { TradingPermissions.ManageProcedure, [Tenderer, Agency] },
        { TradingPermissions.ReadProcedure, [Tenderer, Agency, CenterAdministrator, CenterStaff, Regulator, Supervisor] },
        { TradingPermissions.ConfirmTermination, [Supervisor] },
        { TradingPermissions.ReadPendingTerminations, [Regulator, Supervisor] },
        { TradingPermissions.CorrectFiling, [CenterAdministrator, CenterStaff] },
        { TradingPermissions.ManageDocuments, [Agency, Tenderer] },
        { TradingPermissions.DownloadDocuments, [Agency, Bidder, Tenderer] },
        { TradingPermissions.ReadDocuments, [Agency, Bidder, CenterAdministrator, CenterStaff, Regulator, Supervisor, Tenderer] },
        { TradingPermissions.RaiseObjection, [Bidder] },
        { TradingPermissions.ReadNotices, [Agency, Bidder, Supervisor, Tenderer] },
        { TradingPermissions.SecurityTerms, [Agency, Tenderer] },
        { TradingPermissions.SecurityCustody, [CenterAdministrator, CenterStaff] },
        { TradingPermissions.SecurityGuarantee, [Bidder] },
        { TradingPermissions.ManageOpening, [Agency, Tenderer] },
        { TradingPermissions.HostOpening, [CenterAdministrator, CenterStaff] },
        { TradingPermissions.AttendOpening, [Bidder] },
        { TradingPermissions.ManageAward, [Agency, Tenderer] },
        { TradingPermissions.ReadAward, [Agency, Bidder, CenterAdministrator, CenterStaff, Regulator, Supervisor, Tenderer] },
        { TradingPermissions.SignContract, [Bidder, Tenderer] },
        { DrawPermissions.Request, [Agency, Tenderer] },
        { DrawPermissions.Read, [Agency, CenterAdministrator, CenterStaff, Regulator, Supervisor, Tenderer] },
        { DrawPermissions.Host, [CenterAdministrator, CenterStaff] },
        { DrawPermissions.Answer, [Expert] },
        { DrawPermissions.ReadSimulatedMessages, [CenterAdministrator] },
        { TradingPermissions.ReadArchive, [Agency, CenterAdministrator, CenterStaff, Regulator, Supervisor, Tenderer] },
        { TradingPermissions.WatchOpening, [Agency, Bidder, CenterAdministrator, CenterStaff, Regulator, SocialSupervisor, Supervisor, Tenderer] },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(ReviewedGrants))]
    public void KeyPermission_IsGrantedToExactlyTheReviewedRoles(string permission, string[] roles)
    {
        var table = app.Services.GetRequiredService<PermissionTable>();
        table.All.Single(p => p.Name == permission).GrantedTo.Order(StringComparer.Ordinal).ShouldBe(roles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryPermission_GrantsOnlyRolesThatExist()
    {
        foreach (var permission in app.Services.GetRequiredService<PermissionTable>().All)
        {
            permission.GrantedTo.ShouldAllBe(role => AllRoles.Contains(role), permission.Name);
        }
    }

    [Fact]
    public void AnonymousEndpoints_AreExactlyTheReviewedOnes()
    {
        var anonymous = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(PatternOf)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        anonymous.ShouldBe(ReviewedAnonymous.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EndpointWithoutAuthorizationMetadata_IsDeniedToEveryone()
    {
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var fallback = (await policies.GetFallbackPolicyAsync()).ShouldNotBeNull();
        await using var scope = app.Services.CreateAsyncScope();
        var authorization = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/unmarked"), 0, EndpointMetadataCollection.Empty, "unmarked"));

        foreach (var role in AllRoles.Append(null))
        {
            var user = role is null
                ? new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity())
                : new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                    [new(System.Security.Claims.ClaimTypes.Name, "probe"), new(System.Security.Claims.ClaimTypes.Role, role)], "test"));
            (await authorization.AuthorizeAsync(user, http, fallback)).Succeeded.ShouldBeFalse(role ?? "anonymous");
        }
    }

    [Fact]
    public async Task UnmarkedEndpoint_OverHttp_IsDeniedToEveryone()
    {
        await using var probe = new UnmarkedEndpointApp();
        await probe.InitializeAsync();
        var anonymous = await probe.CreateAnonymousClient().GetPathAsync(UnmarkedEndpointApp.Path);
        var admin = await (await probe.SignInAsync("admin")).GetPathAsync(UnmarkedEndpointApp.Path);

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        admin.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task EveryEndpoint_AnswersEveryRole_AsThePermissionTableSays()
    {
        var table = app.Services.GetRequiredService<PermissionTable>();
        var visitors = new List<(string? Role, HttpClient Client)> { (null, app.CreateAnonymousClient()) };
        foreach (var role in AllRoles)
        {
            visitors.Add((role, await app.SignInAsync(DemoAccounts.Accounts.First(a => a.Role == role).UserName)));
        }

        var mismatches = new List<string>();
        var requests = 0;
        foreach (var endpoint in Endpoints())
        {
            var url = SampleUrl(endpoint, mismatches);
            foreach (var method in MethodsOf(endpoint))
            {
                foreach (var (role, client) in visitors)
                {
                    var expected = Expected(endpoint, role, table, mismatches);
                    var (allowed, outcome) = await SendAsync(client, method, url);
                    requests++;
                    if (allowed != expected || outcome.StartsWith('5'))
                    {
                        mismatches.Add($"{role ?? "anonymous"} {method} {url} ({PatternOf(endpoint)}): expected {(expected ? "allowed" : "denied")}, got {outcome}");
                    }
                }
            }
        }

        requests.ShouldBeGreaterThan(100);
        mismatches.Distinct().ShouldBeEmpty();
    }

    private List<RouteEndpoint> Endpoints() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    private static string PatternOf(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');

    private static bool IsPage(Endpoint endpoint) => endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;

    private static IEnumerable<string> MethodsOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Where(m => m is not ("HEAD" or "OPTIONS"))
        ?? (IsPage(endpoint) ? ["GET", "POST"] : ["GET"]);

    /// <summary>
    /// Allowed if the endpoint is anonymous, or every permission it requires is granted to the role; an endpoint that
    /// says nothing is denied to all (the fallback policy). Role- or policy-based checks are not how this platform works.
    /// </summary>
    private static bool Expected(RouteEndpoint endpoint, string? role, PermissionTable table, List<string> problems)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return true;
        }

        var requirements = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        if (requirements.Count == 0 || role is null)
        {
            return false;
        }

        foreach (var requirement in requirements)
        {
            if (requirement.Roles is not null || (requirement.Policy is { } p && !table.Exists(p)))
            {
                problems.Add($"{PatternOf(endpoint)}: authorizes by role or by a policy that is not a permission ({requirement.Roles}{requirement.Policy}); use [RequirePermission].");
                return false;
            }

            if (requirement.Policy is { } permission && !table.Grants(role, permission))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Sends the request with an empty JSON object or an empty form (no antiforgery token), which no endpoint accepts
    /// as a change. Denied: 401, 403, or a redirect to sign in. Anything else means the request got in.
    /// </summary>
    private static async Task<(bool Allowed, string Outcome)> SendAsync(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = url.StartsWith("/api/", StringComparison.Ordinal)
                ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent([]);
        }

        // Streams (the Ledger's live feed) never end: the status line is enough.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";
        var toSignIn = response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/Account/SignIn", StringComparison.OrdinalIgnoreCase);
        var denied = status is 401 or 403 || toSignIn;
        return (!denied, location == "" ? $"{status}" : $"{status} → {location}");
    }

    /// <summary>A URL for the route with sample values; a parameter without one is reported so that it gets one.</summary>
    private static string SampleUrl(RouteEndpoint endpoint, List<string> problems)
    {
        var pattern = PatternOf(endpoint);
        return Parameter().Replace(pattern, m => (m.Groups["name"].Value, m.Groups["constraint"].Value) switch
        {
            ("code", _) => "404",
            ("year", _) => "2026",
            ("key", _) => "tender.documents-to-deadline.min-days",
            ("documentName", _) => "v1",
            ("filing", _) => "supervisor-report",
            (_, ":guid") => Guid.NewGuid().ToString(),
            (_, ":int" or ":long") => "1",
            _ when m.Groups["optional"].Success => "",
            var (name, _) => Unknown(name),
        });

        string Unknown(string name)
        {
            problems.Add($"{pattern}: no sample value for route parameter {{{name}}}; add one to {nameof(SampleUrl)}.");
            return "x";
        }
    }

    [GeneratedRegex(@"\{\**(?<name>\w+)(?<constraint>:[^}?]+)?(?<optional>\?)?\}")]
    private static partial Regex Parameter();
}
