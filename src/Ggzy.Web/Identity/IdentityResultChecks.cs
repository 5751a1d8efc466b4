using Ggzy.Platform.Errors;
using Microsoft.AspNetCore.Identity;

namespace Ggzy.Web.Identity;

internal static class IdentityResultChecks
{
    /// <summary>A failed result becomes input errors (Chinese, from <see cref="ChineseIdentityErrors"/>) under the field they concern.</summary>
    public static void ThrowIfFailed(this IdentityResult result, string passwordField = "password")
    {
        if (result.Succeeded)
        {
            return;
        }

        throw new InputValidationException(result.Errors
            .GroupBy(e => FieldOf(e.Code, passwordField), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray(), StringComparer.Ordinal));
    }

    private static string FieldOf(string code, string passwordField) => code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => "currentPassword",
        _ when code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
        _ when code.Contains("UserName", StringComparison.Ordinal) => "userName",
        _ => "body",
    };
}
