using System.Text;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Ggzy.Web.Identity.OwnAccount;

/// <summary>The shared key of an authenticator app (TOTP, RFC 6238: 6 digits, 30 s) as a person copies or scans it.</summary>
internal sealed record AuthenticatorSetup(string FormattedKey, string Uri, string QrCodeDataUri)
{
    public static AuthenticatorSetup For(string issuer, string userName, string key)
    {
        var formatted = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        var label = System.Uri.EscapeDataString(issuer) + ":" + System.Uri.EscapeDataString(userName);
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new AuthenticatorSetup(formatted.ToString().TrimEnd().ToLowerInvariant(), uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }
}

internal static class AuthenticatorCodes
{
    /// <summary>People type codes with spaces or dashes ("123 456"); the check wants the six digits.</summary>
    public static string Normalize(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    public static Task<bool> VerifyAsync(this UserManager<PlatformUser> users, PlatformUser user, string? code) =>
        users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Normalize(code));
}
