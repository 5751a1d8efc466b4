namespace Ggzy.Experts.Contracts;

/// <summary>
/// Reveals an expert's identity to a caller that is entitled to it (the pool's administrators, the expert, the draw at
/// sign-in). Every reveal is a Ledger entry naming the expert's pseudonym and the purpose, never the identity itself.
/// </summary>
public interface IExpertIdentities
{
    /// <summary>The identity, after writing its read to the Ledger. The caller has checked the entitlement.</summary>
    /// <exception cref="Ggzy.Platform.Errors.NotFoundException">No such expert.</exception>
    Task<ExpertIdentityInfo> RevealAsync(Guid expertId, string purpose, CancellationToken ct);
}

/// <summary>身份信息: what is stored encrypted. <see cref="MaskedIdNumber"/> may be shown where the number may not.</summary>
public sealed record ExpertIdentityInfo(Guid ExpertId, string Code, string Name, string IdNumber, string Mobile, string? Email)
{
    public string MaskedIdNumber => IdNumber.Length == 18 ? IdNumber[..6] + new string('*', 8) + IdNumber[14..] : "******";
}
