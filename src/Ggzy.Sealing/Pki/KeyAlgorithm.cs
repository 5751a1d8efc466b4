namespace Ggzy.Sealing.Pki;

/// <summary>The public-key algorithm of a certificate, which also fixes the signature algorithm used with it.</summary>
public enum KeyAlgorithm
{
    /// <summary>SM2 (GB/T 32918) on the sm2p256v1 curve; signatures are SM3withSM2 with the default user id.</summary>
    Sm2,

    /// <summary>RSA; signatures are SHA256withRSA (PKCS #1 v1.5).</summary>
    Rsa,

    /// <summary>ECDSA on a NIST/SEC curve; signatures are SHA256withECDSA.</summary>
    Ecdsa,
}
