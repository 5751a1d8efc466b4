using System.Text.RegularExpressions;
using Ggzy.Credit.Contracts;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Rules;

namespace Ggzy.Credit.Features.RegisterMarketEntity;

/// <summary>Checks every field of a registration at once, so the form shows all its problems together.</summary>
internal static partial class RegisterMarketEntityValidator
{
    public static CreditCode Validate(RegisterMarketEntityInput input)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string field, string message) => errors[field] = [message];

        var code = default(CreditCode);
        if (string.IsNullOrWhiteSpace(input.CreditCode))
        {
            Fail("creditCode", CreditErrors.CreditCodeRequired);
        }
        else if (!CreditCode.TryParse(input.CreditCode, out code, out var codeError))
        {
            Fail("creditCode", codeError);
        }

        if (!Filled(input.LegalName, 200))
        {
            Fail("legalName", CreditErrors.LegalNameRequired);
        }

        if (input.Kind is null || !Enum.IsDefined(input.Kind.Value))
        {
            Fail("kind", CreditErrors.KindRequired);
        }

        if (string.IsNullOrWhiteSpace(input.RegionCode) && code.Value is not null)
        {
            // Left blank: the registration authority's region is positions 3–8 of the code (GB 32100-2015).
            input.RegionCode = code.RegionCode;
        }

        if (!RegionCodes.IsValid(input.RegionCode?.Trim()))
        {
            Fail("regionCode", CreditErrors.RegionCodeInvalid);
        }
        else if (code.Value is not null && input.RegionCode!.Trim() != code.RegionCode)
        {
            Fail("regionCode", CreditProfileErrors.RegionMismatch(input.RegionCode.Trim(), code.RegionCode));
        }

        if (code.Value is not null)
        {
            CrossCheckCategory(code, input.Kind, Fail);
        }

        if (!Filled(input.LegalRepresentative, 50))
        {
            Fail("legalRepresentative", CreditErrors.LegalRepresentativeRequired);
        }

        if (!Filled(input.ContactPerson, 50))
        {
            Fail("contactPerson", CreditErrors.ContactPersonRequired);
        }

        if (input.ContactPhone is null || !Phone().IsMatch(input.ContactPhone.Trim()))
        {
            Fail("contactPhone", CreditErrors.ContactPhoneInvalid);
        }

        if (input.Roles is not { Count: > 0 } || input.Roles.Any(r => !MarketEntityNames.Roles.Contains(r)))
        {
            Fail("roles", CreditErrors.RolesRequired);
        }

        if (input.AdminUserName is null || !UserName().IsMatch(input.AdminUserName.Trim()))
        {
            Fail("adminUserName", CreditErrors.AdminUserNameInvalid);
        }

        if (!Filled(input.AdminDisplayName, 50))
        {
            Fail("adminDisplayName", CreditErrors.AdminDisplayNameRequired);
        }

        if (string.IsNullOrEmpty(input.AdminPassword) || input.AdminPassword.Length > 128)
        {
            Fail("adminPassword", CreditErrors.AdminPasswordRequired);
        }

        if (!input.CommitmentSigned)
        {
            Fail("commitmentSigned", CreditErrors.CommitmentNotSigned);
        }
        else if (input.CommitmentVersion is { } version && version != CreditCommitments.Current.Version)
        {
            Fail("commitmentSigned", CreditErrors.CommitmentOutdated(CreditCommitments.Current.Version));
        }

        return errors.Count > 0 ? throw new InputValidationException(errors) : code;
    }

    /// <summary>
    /// Positions 1–2 (registration authority and category, GB 32100-2015) against the kind entered: 92 is exactly
    /// the 个体工商户, 93 (农民专业合作社) is a legal person, and no other pair may be a 个体工商户.
    /// </summary>
    private static void CrossCheckCategory(CreditCode code, MarketEntityKind? kind, Action<string, string> fail)
    {
        var pair = code.Category;
        if (CreditCode.CategoryName(pair) is not { } category)
        {
            fail("creditCode", CreditProfileErrors.UnknownCategory(pair));
            return;
        }

        if (kind is not { } k || !Enum.IsDefined(k) || AllowedKinds(pair).Contains(k))
        {
            return;
        }

        var expected = k switch
        {
            MarketEntityKind.IndividualBusiness => "“92”（工商·个体工商户）",
            MarketEntityKind.LegalPerson => "“92”以外的组合，如“91”（工商·企业）、“93”（工商·农民专业合作社）",
            _ => "“92”“93”以外的组合，如“91”（工商·企业）",
        };
        fail("kind", CreditProfileErrors.KindMismatch(MarketEntityNames.Of(k), pair, category, expected));
    }

    private static MarketEntityKind[] AllowedKinds(string pair) => pair switch
    {
        "92" => [MarketEntityKind.IndividualBusiness],
        "93" => [MarketEntityKind.LegalPerson],
        _ => [MarketEntityKind.LegalPerson, MarketEntityKind.UnincorporatedOrganization],
    };

    private static bool Filled(string? value, int max) => !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= max;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$")]
    private static partial Regex UserName();

    [GeneratedRegex(@"^\+?[0-9][0-9-]{6,19}$")]
    private static partial Regex Phone();
}
