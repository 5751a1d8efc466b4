using Microsoft.AspNetCore.Identity;

namespace Ggzy.Platform.Identity;

/// <summary>
/// The platform's password and lockout rules, in one place for the host and for every test host that creates
/// accounts (registration, staff accounts), so that none of them can accept a password the platform refuses.
/// </summary>
public static class AccountPolicy
{
    public static void Apply(IdentityOptions o)
    {
        o.Password.RequiredLength = 8;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
        o.SignIn.RequireConfirmedAccount = false;
    }
}
