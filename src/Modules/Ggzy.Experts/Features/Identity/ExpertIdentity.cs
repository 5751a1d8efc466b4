using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Ggzy.Experts.Features.Identity;

/// <summary>What is stored encrypted for an expert (ADR 0021). Never logged, never written to the Ledger.</summary>
internal sealed record ExpertIdentity(string Name, string IdNumber, string Mobile, string? Email);

/// <summary>
/// Encrypts identities and declared relatives' names with ASP.NET Data Protection (keys in the database, the platform's
/// key ring), under a purpose of their own so that no other protected payload can be swapped in.
/// </summary>
internal sealed class ExpertIdentityProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _identity = provider.CreateProtector("Ggzy.Experts.Identity.v1");
    private readonly IDataProtector _relative = provider.CreateProtector("Ggzy.Experts.RelativeName.v1");

    public string Protect(ExpertIdentity identity) => _identity.Protect(JsonSerializer.Serialize(identity));

    public ExpertIdentity Unprotect(string cipher) =>
        JsonSerializer.Deserialize<ExpertIdentity>(_identity.Unprotect(cipher))
        ?? throw new InvalidOperationException("An expert identity decrypted to nothing.");

    public string ProtectRelativeName(string name) => _relative.Protect(name);

    public string UnprotectRelativeName(string cipher) => _relative.Unprotect(cipher);
}
