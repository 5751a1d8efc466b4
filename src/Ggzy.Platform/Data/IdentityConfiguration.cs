using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Platform.Data;

internal static class IdentityTableNames
{
    public static void Apply(ModelBuilder builder)
    {
        builder.Entity<PlatformUser>(e =>
        {
            e.ToTable("platform_users");
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<PlatformRole>(e =>
        {
            e.ToTable("platform_roles");
            e.Property(r => r.DisplayName).HasMaxLength(100);
        });
        builder.Entity<IdentityUserRole<Guid>>().ToTable("platform_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("platform_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("platform_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("platform_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("platform_role_claims");
    }
}
