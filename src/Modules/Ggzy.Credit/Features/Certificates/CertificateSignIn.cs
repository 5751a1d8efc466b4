using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Credit.Domain;
using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Sealing.Pki;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Credit.Features.Certificates;

/// <summary>
/// Challenge–response sign-in with a bound certificate. Every success and refusal goes on the Ledger; a refusal stores
/// nothing else. The challenge is used up by a conditional update, so two requests racing with one challenge cannot
/// both succeed.
/// </summary>
internal sealed class CertificateSignIn(CreditDbContext db, PlatformDbContext platform, LedgerWriter ledger, TimeProvider clock)
    : ICertificateSignIn
{
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(5);

    public async Task<CertificateChallenge> BeginAsync(byte[] certificate, CancellationToken ct)
    {
        Certificate leaf;
        IReadOnlyList<Certificate> presented;
        try
        {
            presented = Certificate.ParseAll(certificate);
            leaf = presented.Count > 0 ? presented[0] : throw new CertificateFormatException(CertificateErrors.FileRequired);
        }
        catch (CertificateFormatException e)
        {
            await RefuseAsync("certificate-malformed", "unknown", null, ct);
            throw TrustList.Invalid("certificate", e.Message);
        }

        var bound = await CheckAsync(leaf, presented.Skip(1), ct);
        var now = clock.GetUtcNow();
        var expiresAt = now + ChallengeLifetime;
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var challenge = new SignInChallenge
        {
            Id = Guid.CreateVersion7(now),
            BoundCertificateId = bound.Id,
            Fingerprint = leaf.Fingerprint,
            Intermediates = presented.Count > 1 ? [.. presented.Skip(1).SelectMany(c => c.Der)] : null,
            Text = string.Create(CultureInfo.InvariantCulture,
                $"ggzy-certificate-sign-in/v1\nnonce={nonce}\ncertificate={leaf.Fingerprint}\nexpires={expiresAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\n"),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        db.SignInChallenges.Add(challenge);
        await ledger.SaveChangesAsync(db, new LedgerDraft("credit.certificate.challenge-issued", $"certificate:{leaf.Fingerprint}",
            new { challenge = challenge.Id, account = bound.UserName, expiresAt }), ct);
        return new CertificateChallenge(challenge.Id, challenge.Text, expiresAt);
    }

    public async Task<CertificateSignInResult> CompleteAsync(Guid challengeId, string signatureBase64, CancellationToken ct)
    {
        var challenge = await db.SignInChallenges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == challengeId, ct);
        if (challenge is null)
        {
            await RefuseAsync("challenge-unknown", "unknown", challengeId, ct);
            throw new NotFoundException(CertificateErrors.ChallengeUnknown);
        }

        if (challenge.UsedAt is not null)
        {
            await RefuseAsync("challenge-used", challenge.Fingerprint, challengeId, ct);
            throw new BusinessRuleException(CertificateErrors.ChallengeUsed, CertificateErrors.Citation, "challengeId");
        }

        if (clock.GetUtcNow() >= challenge.ExpiresAt)
        {
            await RefuseAsync("challenge-expired", challenge.Fingerprint, challengeId, ct);
            throw new BusinessRuleException(CertificateErrors.ChallengeExpired(challenge.ExpiresAt), CertificateErrors.Citation, "challengeId");
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureBase64.Trim());
        }
        catch (FormatException)
        {
            await RefuseAsync("signature-malformed", challenge.Fingerprint, challengeId, ct);
            throw TrustList.Invalid("signature", CertificateErrors.SignatureNotBase64);
        }

        // The certificate is checked again: it may have expired, been revoked or unbound since the challenge.
        var row = await db.BoundCertificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == challenge.BoundCertificateId, ct);
        if (row is null)
        {
            await RefuseAsync("not-bound", challenge.Fingerprint, challengeId, ct);
            throw new BusinessRuleException(CertificateErrors.NotBound, CertificateErrors.Citation, "certificate");
        }

        var certificate = Certificate.Parse(row.Der);
        var bound = await CheckAsync(certificate, challenge.Intermediates is { } chain ? Certificate.ParseConcatenatedDer(chain) : [], ct);
        if (!certificate.VerifySignature(Encoding.UTF8.GetBytes(challenge.Text), signature))
        {
            await RefuseAsync("signature-invalid", challenge.Fingerprint, challengeId, ct);
            throw new BusinessRuleException(CertificateErrors.SignatureInvalid, CertificateErrors.Citation, "signature");
        }

        var user = await platform.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == bound.UserId, ct);
        var now = clock.GetUtcNow();
        if (user is null || user.IsDisabled || user.LockoutEnd is { } end && end > now)
        {
            await RefuseAsync("account-disabled", challenge.Fingerprint, challengeId, ct);
            throw new BusinessRuleException(CertificateErrors.AccountDisabled, CertificateErrors.Citation, "challengeId");
        }

        var organization = await platform.Organizations.AsNoTracking()
            .Where(o => o.Id == bound.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.SignInChallenges
            .Where(c => c.Id == challengeId && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
        if (claimed != 1)
        {
            await transaction.RollbackAsync(ct);
            await RefuseAsync("challenge-used", challenge.Fingerprint, challengeId, ct);
            throw new BusinessRuleException(CertificateErrors.ChallengeUsed, CertificateErrors.Citation, "challengeId");
        }

        await ledger.SaveChangesAsync(db, new LedgerDraft("credit.certificate.signed-in", $"certificate:{challenge.Fingerprint}", new
        {
            challenge = challengeId,
            account = bound.UserName,
            subject = bound.Subject,
            issuer = bound.Issuer,
            serialNumber = bound.SerialNumber,
        }), ct);
        await transaction.CommitAsync(ct);
        return new CertificateSignInResult(user.Id, user.UserName!, user.DisplayName, organization, bound.Subject, bound.Fingerprint);
    }

    /// <summary>Checks chain, validity, key usage and revocation, and that the certificate is bound; refuses otherwise.</summary>
    private async Task<BoundCertificate> CheckAsync(Certificate certificate, IEnumerable<Certificate> presented, CancellationToken ct)
    {
        var check = CertificateValidator.Validate(certificate, await TrustListStore.AnchorsAsync(db, ct), clock.GetUtcNow(), presented);
        if (check.Problem is { } problem)
        {
            await RefuseAsync(CertificateErrors.Code(problem), certificate.Fingerprint, null, ct);
            throw new BusinessRuleException(CertificateErrors.Of(check), CertificateErrors.Citation, "certificate");
        }

        var bound = await db.BoundCertificates.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Fingerprint == certificate.Fingerprint && c.UnboundAt == null, ct);
        if (bound is null)
        {
            await RefuseAsync("not-bound", certificate.Fingerprint, null, ct);
            throw new BusinessRuleException(CertificateErrors.NotBound, CertificateErrors.Citation, "certificate");
        }

        return bound;
    }

    private async Task RefuseAsync(string reason, string fingerprint, Guid? challenge, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await ledger.SaveChangesAsync(db, new LedgerDraft("credit.certificate.sign-in-refused", $"certificate:{fingerprint}",
            new { reason, challenge }), ct);
    }
}
