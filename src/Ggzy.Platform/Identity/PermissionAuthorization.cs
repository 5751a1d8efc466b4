using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Ggzy.Platform.Identity;

/// <summary>Requires the named permission. Pages and endpoints say what they need; nothing is allowed by default.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequirePermissionAttribute(string permission) : AuthorizeAttribute(permission);

public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

public sealed class PermissionHandler(PermissionTable table) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (table.Grants(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Turns a policy name that is a permission into a policy requiring it; other names go to the default provider.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, PermissionTable table)
    : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!table.Exists(policyName))
        {
            return await base.GetPolicyAsync(policyName)
                ?? throw new InvalidOperationException($"Unknown permission or policy '{policyName}'.");
        }

        return new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(policyName))
            .Build();
    }
}
