using Ggzy.Platform.Identity;
using Ggzy.Platform.Navigation;
using Ggzy.Web.Identity.OwnAccount;
using Ggzy.Web.Identity.Staff;
using Ggzy.Web.Identity.Tokens;

namespace Ggzy.Web.Identity;

/// <summary>
/// The account use cases: one's own password, two-factor sign-in and API tokens; center staff accounts. Their handlers
/// are public only because the Razor PageModels that take them must be.
/// </summary>
internal static class AccountServices
{
    public static IServiceCollection AddGgzyAccounts(this IServiceCollection services)
    {
        services.AddScoped<AccountLedger>();

        services.AddScoped<ChangeOwnPasswordHandler>();
        services.AddScoped<ResetAuthenticatorKeyHandler>();
        services.AddScoped<EnableTwoFactorHandler>();
        services.AddScoped<DisableTwoFactorHandler>();
        services.AddScoped<RegenerateRecoveryCodesHandler>();

        services.AddScoped<ApiTokenListQuery>();
        services.AddScoped<IssueApiTokenHandler>();
        services.AddScoped<RevokeApiTokenHandler>();

        services.AddScoped<CenterScope>();
        services.AddScoped<StaffAccountListQuery>();
        services.AddScoped<CreateStaffAccountHandler>();
        services.AddScoped<ResetStaffPasswordHandler>();
        services.AddScoped<SetStaffAccountDisabledHandler>();
        services.AddScoped<UnlockStaffAccountHandler>();
        services.AddScoped<TurnOffStaffTwoFactorHandler>();

        return services.AddNavigation(
            new NavigationItem("账户管理", "/Admin/Users", PlatformPermissions.ManageUsers, 800),
            new NavigationItem("我的账户", "/Account/Security", PlatformPermissions.ManageOwnAccount, 850));
    }
}
