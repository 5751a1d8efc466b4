using Ggzy.Credit.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ggzy.Credit.Data;

internal sealed class TrustedAuthorityConfiguration : IEntityTypeConfiguration<TrustedAuthority>
{
    public void Configure(EntityTypeBuilder<TrustedAuthority> e)
    {
        e.ToTable("credit_trusted_authorities");
        e.HasKey(x => x.Id);
        e.Property(x => x.Subject).HasMaxLength(1000);
        e.Property(x => x.Issuer).HasMaxLength(1000);
        e.Property(x => x.Fingerprint).HasMaxLength(64).IsFixedLength();
        e.HasIndex(x => x.Fingerprint);
        e.Property(x => x.KeyAlgorithm).HasMaxLength(16);
        e.Property(x => x.CrlUpdatedBy).HasMaxLength(64);
        e.Property(x => x.AddedBy).HasMaxLength(64);
        e.Property(x => x.RemovedBy).HasMaxLength(64);
    }
}

internal sealed class BoundCertificateConfiguration : IEntityTypeConfiguration<BoundCertificate>
{
    public void Configure(EntityTypeBuilder<BoundCertificate> e)
    {
        e.ToTable("credit_bound_certificates");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.OrganizationId);
        e.Property(x => x.UserName).HasMaxLength(64);
        e.Property(x => x.SerialNumber).HasMaxLength(80);
        e.Property(x => x.Issuer).HasMaxLength(1000);
        e.Property(x => x.Subject).HasMaxLength(1000);
        e.Property(x => x.Fingerprint).HasMaxLength(64).IsFixedLength();
        e.HasIndex(x => x.Fingerprint);
        e.Property(x => x.KeyAlgorithm).HasMaxLength(16);
        e.Property(x => x.BoundBy).HasMaxLength(64);
        e.Property(x => x.UnboundBy).HasMaxLength(64);
    }
}

internal sealed class SignInChallengeConfiguration : IEntityTypeConfiguration<SignInChallenge>
{
    public void Configure(EntityTypeBuilder<SignInChallenge> e)
    {
        e.ToTable("credit_sign_in_challenges");
        e.HasKey(x => x.Id);
        e.Property(x => x.Fingerprint).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.Text).HasMaxLength(500);
    }
}
