using System.Net;
using System.Text.RegularExpressions;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Ggzy.TestKit;
using OtpNet;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Identity;

public sealed partial class SignInSecurityTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_WithAChineseMessage()
    {
        var userName = await app.CreateUserAsync(Roles.Bidder, "安和宏远建筑工程有限公司");
        var client = app.CreateAnonymousClient();
        for (var i = 1; i <= 4; i++)
        {
            (await (await client.PostPasswordAsync(userName, "Wrong@2026")).HtmlAsync()).ShouldContain("用户名或密码不正确");
        }

        (await (await client.PostPasswordAsync(userName, "Wrong@2026")).HtmlAsync()).ShouldContain("账户已锁定 15 分钟");

        var withRightPassword = await client.PostPasswordAsync(userName, DemoAccounts.Password);
        withRightPassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await withRightPassword.HtmlAsync()).ShouldContain("账户已锁定");
        var types = await app.LedgerTypesAsync($"user:{userName}");
        types.ShouldContain("platform.account.locked-out");
        types.Count(t => t == "platform.account.sign-in-failed").ShouldBe(4);
    }

    [Fact]
    public async Task ChangingPassword_ToAWeakOne_IsRefusedInChinese_AndChangesNothing()
    {
        var userName = await app.CreateUserAsync(Roles.Tenderer, "安和城市建设投资集团有限公司");
        var client = await app.SignInAsync(userName);
        var before = await app.UserAsync(userName);

        var html = await (await ChangePasswordAsync(client, DemoAccounts.Password, "abc")).HtmlAsync();

        html.ShouldContain("密码至少需要 8 个字符");
        html.ShouldContain("密码须包含至少一个大写字母");
        html.ShouldContain("密码须包含至少一个数字");
        (await app.UserAsync(userName)).PasswordHash.ShouldBe(before.PasswordHash);
        (await app.LedgerTypesAsync($"user:{userName}")).ShouldNotContain("platform.account.password-changed");
    }

    [Fact]
    public async Task ChangingPassword_WithTheWrongCurrentPassword_IsRefused()
    {
        var userName = await app.CreateUserAsync(Roles.Agency, "安和明信工程咨询有限公司");
        var client = await app.SignInAsync(userName);

        (await (await ChangePasswordAsync(client, "Wrong@2026", AccountSteps.StrongPassword)).HtmlAsync()).ShouldContain("当前密码不正确");
        await app.SignInAsync(userName);
    }

    [Fact]
    public async Task ChangedPassword_IsTheOneThatSignsIn_AndIsOnTheLedger()
    {
        var userName = await app.CreateUserAsync(Roles.Agency, "安和明信工程咨询有限公司");
        var client = await app.SignInAsync(userName);

        var response = await ChangePasswordAsync(client, DemoAccounts.Password, AccountSteps.StrongPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetPathAsync("/Account/Security")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.SignInAsync(userName, AccountSteps.StrongPassword);
        await Should.ThrowAsync<InvalidOperationException>(() => app.SignInAsync(userName, DemoAccounts.Password));
        (await app.LedgerTypesAsync($"user:{userName}")).ShouldContain("platform.account.password-changed");
    }

    [Fact]
    public async Task Totp_Enabled_ThenRequiredAtSignIn_ThenDisabled()
    {
        var userName = await app.CreateUserAsync(Roles.CenterStaff);
        var client = await app.SignInAsync(userName);
        var key = await StartTotpSetupAsync(client);

        var enabled = await client.PostFormAsync("/Account/Security", "/Account/Security?handler=Enable",
            new Dictionary<string, string> { ["Enable.Code"] = CodeFor(key) });
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK, "the page answers directly, showing the recovery codes once");
        (await (await client.GetPathAsync("/Account/Security")).HtmlAsync()).ShouldContain("已启用");

        var browser = app.CreateAnonymousClient();
        var afterPassword = await browser.PostPasswordAsync(userName, DemoAccounts.Password);
        afterPassword.Headers.Location!.OriginalString.ShouldStartWith("/Account/TwoFactor");
        (await browser.GetPathAsync("/Workbench")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the password alone does not sign in");

        var signedIn = await browser.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor",
            new Dictionary<string, string> { ["Input.Code"] = CodeFor(key) });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.ShouldBe("/Workbench");
        (await browser.GetPathAsync("/Workbench")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var disabled = await browser.PostFormAsync("/Account/Security", "/Account/Security?handler=Disable",
            new Dictionary<string, string> { ["Disable.Code"] = CodeFor(key) });
        disabled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.UserAsync(userName)).TwoFactorEnabled.ShouldBeFalse();
        await app.SignInAsync(userName);

        (await app.LedgerTypesAsync($"user:{userName}")).ShouldBe(
            ["platform.account.signed-in", "platform.account.totp-key-issued", "platform.account.totp-enabled",
             "platform.account.recovery-codes-issued", "platform.account.signed-in", "platform.account.totp-disabled", "platform.account.signed-in"]);
    }

    [Fact]
    public async Task Totp_WrongCode_DoesNotEnable()
    {
        var userName = await app.CreateUserAsync(Roles.CenterStaff);
        var client = await app.SignInAsync(userName);
        var key = await StartTotpSetupAsync(client);

        var html = await (await client.PostFormAsync("/Account/Security", "/Account/Security?handler=Enable",
            new Dictionary<string, string> { ["Enable.Code"] = WrongCodeFor(key) })).HtmlAsync();

        html.ShouldContain("动态口令不正确");
        (await app.UserAsync(userName)).TwoFactorEnabled.ShouldBeFalse();
    }

    [Fact]
    public async Task Totp_FiveWrongCodesAtSignIn_LockTheAccount()
    {
        var userName = await app.CreateUserAsync(Roles.CenterStaff);
        var client = await app.SignInAsync(userName);
        var key = await StartTotpSetupAsync(client);
        await client.PostFormAsync("/Account/Security", "/Account/Security?handler=Enable",
            new Dictionary<string, string> { ["Enable.Code"] = CodeFor(key) });

        var browser = app.CreateAnonymousClient();
        await browser.PostPasswordAsync(userName, DemoAccounts.Password);
        var pages = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            pages.Add(await (await browser.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor",
                new Dictionary<string, string> { ["Input.Code"] = WrongCodeFor(key) })).HtmlAsync());
        }

        pages[0].ShouldContain("动态口令不正确");
        pages[4].ShouldContain("账户已锁定 15 分钟");
        var withRightCode = await browser.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor",
            new Dictionary<string, string> { ["Input.Code"] = CodeFor(key) });
        withRightCode.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await withRightCode.HtmlAsync()).ShouldContain("账户已锁定");
    }

    [Fact]
    public async Task TwoFactorPage_WithoutAPassword_SendsBackToSignIn()
    {
        var html = await (await app.CreateAnonymousClient().GetPathAsync("/Account/TwoFactor")).HtmlAsync();
        html.ShouldContain("请先输入用户名和密码");
    }

    private static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current, string next) =>
        client.PostFormAsync("/Account/Security", "/Account/Security?handler=Password", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = current,
            ["Password.NewPassword"] = next,
            ["Password.ConfirmPassword"] = next,
        });

    /// <summary>Asks for a key as the user does, and reads it off the page as they would type it into their app.</summary>
    private static async Task<byte[]> StartTotpSetupAsync(HttpClient client)
    {
        (await client.PostFormAsync("/Account/Security", "/Account/Security?handler=NewKey", new Dictionary<string, string>()))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await (await client.GetPathAsync("/Account/Security")).HtmlAsync();
        var key = KeyPattern().Match(html);
        key.Success.ShouldBeTrue("the page shows the shared key");
        html.ShouldContain("otpauth://totp/");
        html.ShouldContain("data:image/png;base64,");
        return Base32Encoding.ToBytes(key.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
    }

    private static string CodeFor(byte[] key) => new Totp(key).ComputeTotp();

    /// <summary>A code that is wrong in every time step the server accepts.</summary>
    private static string WrongCodeFor(byte[] key)
    {
        var totp = new Totp(key);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var accepted = Enumerable.Range(-3, 7).Select(step => totp.ComputeTotp(now.AddSeconds(30 * step))).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, 1000).Select(n => n.ToString("000000", System.Globalization.CultureInfo.InvariantCulture)).First(c => !accepted.Contains(c));
    }

    [GeneratedRegex("data-testid=\"totp-key\">([a-z2-7 ]+)<")]
    private static partial Regex KeyPattern();
}
