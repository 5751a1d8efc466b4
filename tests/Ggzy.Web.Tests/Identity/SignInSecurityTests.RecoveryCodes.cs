using System.Net;
using System.Text.RegularExpressions;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Identity;

public sealed partial class SignInSecurityTests
{
    [Fact]
    public async Task RecoveryCode_ShownOnce_SignsIn_AndWorksOnlyOnce()
    {
        var userName = await app.CreateUserAsync(Roles.CenterStaff);
        var client = await app.SignInAsync(userName);
        var key = await StartTotpSetupAsync(client);

        var enabled = await client.PostFormAsync("/Account/Security", "/Account/Security?handler=Enable",
            new Dictionary<string, string> { ["Enable.Code"] = CodeFor(key) });
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK, "the codes are on the answer itself, not behind a redirect");
        var enabledHtml = await enabled.HtmlAsync();
        enabledHtml.ShouldContain("每个恢复码只能使用一次，请打印或抄写后妥善保管");
        var codes = RecoveryCodesOn(enabledHtml);
        codes.Count.ShouldBe(10);
        codes.Distinct(StringComparer.Ordinal).Count().ShouldBe(10);

        var later = await (await client.GetPathAsync("/Account/Security")).HtmlAsync();
        RecoveryCodesOn(later).ShouldBeEmpty("the codes are shown once");
        RecoveryCodesLeftOn(later).ShouldBe(10);

        var browser = app.CreateAnonymousClient();
        await browser.PostPasswordAsync(userName, DemoAccounts.Password);
        var signedIn = await SignInWithRecoveryCodeAsync(browser, " " + codes[0].ToLowerInvariant() + " ");
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.ShouldBe("/Workbench");
        (await browser.GetPathAsync("/Workbench")).StatusCode.ShouldBe(HttpStatusCode.OK);
        RecoveryCodesLeftOn(await (await browser.GetPathAsync("/Account/Security")).HtmlAsync()).ShouldBe(9);

        var again = app.CreateAnonymousClient();
        await again.PostPasswordAsync(userName, DemoAccounts.Password);
        var reused = await SignInWithRecoveryCodeAsync(again, codes[0]);
        reused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reused.HtmlAsync()).ShouldContain("恢复码不正确或已使用过");
        (await again.GetPathAsync("/Workbench")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.UserAsync(userName)).AccessFailedCount.ShouldBe(1, "a wrong recovery code counts once towards lockout");

        (await app.LedgerTypesAsync($"user:{userName}")).ShouldBe(
            ["platform.account.signed-in", "platform.account.totp-key-issued", "platform.account.totp-enabled",
             "platform.account.recovery-codes-issued", "platform.account.signed-in"]);
        var payloads = await LedgerPayloadsAsync($"user:{userName}");
        payloads[^1].ShouldContain("recovery-code");
        foreach (var code in codes)
        {
            payloads.ShouldAllBe(p => !p.Contains(code, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task RegeneratingRecoveryCodes_NeedsATotpCode_AndRetiresTheOldOnes()
    {
        var userName = await app.CreateUserAsync(Roles.CenterStaff);
        var client = await app.SignInAsync(userName);
        var key = await StartTotpSetupAsync(client);
        var oldCodes = RecoveryCodesOn(await (await client.PostFormAsync("/Account/Security", "/Account/Security?handler=Enable",
            new Dictionary<string, string> { ["Enable.Code"] = CodeFor(key) })).HtmlAsync());

        var refused = await (await client.PostFormAsync("/Account/Security", "/Account/Security?handler=Regenerate",
            new Dictionary<string, string> { ["Regenerate.Code"] = WrongCodeFor(key) })).HtmlAsync();
        refused.ShouldContain("动态口令不正确");
        RecoveryCodesOn(refused).ShouldBeEmpty();

        var regenerated = await (await client.PostFormAsync("/Account/Security", "/Account/Security?handler=Regenerate",
            new Dictionary<string, string> { ["Regenerate.Code"] = CodeFor(key) })).HtmlAsync();
        regenerated.ShouldContain("原有恢复码全部作废");
        var newCodes = RecoveryCodesOn(regenerated);
        newCodes.Count.ShouldBe(10);
        newCodes.ShouldNotContain(oldCodes[0]);

        var browser = app.CreateAnonymousClient();
        await browser.PostPasswordAsync(userName, DemoAccounts.Password);
        (await (await SignInWithRecoveryCodeAsync(browser, oldCodes[0])).HtmlAsync()).ShouldContain("恢复码不正确或已使用过");
        var signedIn = await SignInWithRecoveryCodeAsync(browser, newCodes[0]);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.ShouldBe("/Workbench");

        (await app.LedgerTypesAsync($"user:{userName}")).Count(t => t == "platform.account.recovery-codes-issued").ShouldBe(2);
    }

    [Fact]
    public async Task RecoveryCode_FiveWrongOnes_LockTheAccount()
    {
        var userName = await app.CreateUserAsync(Roles.CenterStaff);
        var client = await app.SignInAsync(userName);
        var key = await StartTotpSetupAsync(client);
        var codes = RecoveryCodesOn(await (await client.PostFormAsync("/Account/Security", "/Account/Security?handler=Enable",
            new Dictionary<string, string> { ["Enable.Code"] = CodeFor(key) })).HtmlAsync());

        var browser = app.CreateAnonymousClient();
        await browser.PostPasswordAsync(userName, DemoAccounts.Password);
        var pages = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            pages.Add(await (await SignInWithRecoveryCodeAsync(browser, "AAAAA-AAAAA")).HtmlAsync());
        }

        pages[0].ShouldContain("恢复码不正确或已使用过");
        pages[4].ShouldContain("账户已锁定 15 分钟");
        var withRightCode = await SignInWithRecoveryCodeAsync(browser, codes[0]);
        withRightCode.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await withRightCode.HtmlAsync()).ShouldContain("账户已锁定");
        (await app.LedgerTypesAsync($"user:{userName}")).ShouldContain("platform.account.locked-out");
    }

    private static Task<HttpResponseMessage> SignInWithRecoveryCodeAsync(HttpClient browser, string code) =>
        browser.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor?handler=Recovery",
            new Dictionary<string, string> { ["Recovery.Code"] = code });

    private static List<string> RecoveryCodesOn(string html) =>
        [.. RecoveryCodePattern().Matches(html).Select(m => m.Groups[1].Value)];

    private static int RecoveryCodesLeftOn(string html) =>
        int.Parse(RecoveryCodesLeftPattern().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<List<string>> LedgerPayloadsAsync(string subject)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().LedgerEntries.AsNoTracking()
            .Where(e => e.Subject == subject).OrderBy(e => e.Sequence).Select(e => e.Payload).ToListAsync(TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("data-testid=\"recovery-code\">([^<]+)<")]
    private static partial Regex RecoveryCodePattern();

    [GeneratedRegex("data-testid=\"recovery-codes-left\">(\\d+)<")]
    private static partial Regex RecoveryCodesLeftPattern();
}
