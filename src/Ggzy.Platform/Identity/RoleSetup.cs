using Microsoft.AspNetCore.Identity;

namespace Ggzy.Platform.Identity;

public static class RoleSetup
{
    /// <summary>Creates the platform's roles that do not exist yet (every start; idempotent).</summary>
    public static async Task EnsureRolesAsync(RoleManager<PlatformRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (await roles.FindByNameAsync(role.Name) is null)
            {
                var result = await roles.CreateAsync(new PlatformRole { Name = role.Name, DisplayName = role.DisplayName });
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Cannot create role {role.Name}: {result.Errors.First().Description}");
                }
            }
        }
    }
}
