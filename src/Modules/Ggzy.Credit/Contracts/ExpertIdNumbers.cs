using Ggzy.Credit.Domain;

namespace Ggzy.Credit.Contracts;

/// <summary>
/// The resident ID number (公民身份号码, GB 11643) as Credit keys an expert's records by it, for the expert pool: the
/// check, the digest records are filed under (<see cref="SubjectKey"/>) and the masked form that may be shown.
/// </summary>
public static class ExpertIdNumbers
{
    /// <summary>Trims and upper-cases; false with a Chinese message when the format, the date or the check character is wrong.</summary>
    public static bool TryNormalize(string? input, out string number, out string error) =>
        ResidentIdNumber.TryNormalize(input, out number, out error);

    /// <summary>The SM3 digest Credit files the expert's records under (ADR 0008); never the number itself.</summary>
    public static string SubjectKey(string normalizedNumber) => ResidentIdNumber.Digest(normalizedNumber);

    public static string Masked(string normalizedNumber) => ResidentIdNumber.Masked(normalizedNumber);

    /// <summary>The check character (position 18) for the first 17 digits; the demo makes valid numbers with it.</summary>
    public static char CheckCharacter(string first17) => ResidentIdNumber.CheckCharacter(first17);
}
