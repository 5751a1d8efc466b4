using System.Text;
using Ggzy.Credit.Features.Certificates;
using Ggzy.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Ggzy.Credit.Areas.Credit.Pages;

/// <summary>What the certificate pages share: reading an uploaded file or pasted PEM, and showing refusals.</summary>
internal static class CertificateForms
{
    /// <summary>The uploaded file's bytes, else the pasted text's; null when neither was given or the file is too large.</summary>
    public static async Task<byte[]?> ReadAsync(IFormFile? file, string? pasted, int limit, CancellationToken ct)
    {
        if (file is { Length: > 0 })
        {
            if (file.Length > limit)
            {
                return null;
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            return buffer.ToArray();
        }

        return string.IsNullOrWhiteSpace(pasted) ? null : Encoding.UTF8.GetBytes(pasted);
    }

    /// <summary>Runs the action; a refusal becomes an error next to the field, citing the rule.</summary>
    public static async Task<bool> TryAsync(ModelStateDictionary state, string field, Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (InputValidationException invalid)
        {
            state.AddModelError(field, string.Join(" ", invalid.Errors.SelectMany(e => e.Value)));
        }
        catch (BusinessRuleException rule)
        {
            state.AddModelError(field, rule.Citation is null ? rule.Message : $"{rule.Message}（依据：{rule.Citation}）");
        }
        catch (Exception e) when (e is NotFoundException or ForbiddenException)
        {
            state.AddModelError(field, e.Message);
        }

        return false;
    }

    public const int CertificateLimit = TrustList.MaxCertificateBytes;
    public const int CrlLimit = TrustList.MaxCrlBytes;
}
