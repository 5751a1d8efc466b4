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

        if (!RegionCodes.IsValid(input.RegionCode?.Trim()))
        {
            Fail("regionCode", CreditErrors.RegionCodeInvalid);
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

    private static bool Filled(string? value, int max) => !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= max;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$")]
    private static partial Regex UserName();

    [GeneratedRegex(@"^\+?[0-9][0-9-]{6,19}$")]
    private static partial Regex Phone();
}
