using System.Security.Claims;

namespace Ggzy.Platform.Identity;

/// <summary>Every permission of every module with the roles it is granted to. Default deny: a role not listed has none.</summary>
public sealed class PermissionTable
{
    private readonly Dictionary<string, Permission> _permissions;

    public PermissionTable(IEnumerable<Permission> permissions)
    {
        _permissions = [];
        foreach (var p in permissions)
        {
            if (!_permissions.TryAdd(p.Name, p))
            {
                throw new InvalidOperationException($"Permission {p.Name} is declared twice.");
            }
        }
    }

    public IReadOnlyCollection<Permission> All => _permissions.Values;

    public bool Exists(string permission) => _permissions.ContainsKey(permission);

    public bool Grants(string role, string permission) =>
        _permissions.TryGetValue(permission, out var p) && p.GrantedTo.Contains(role);

    public bool Grants(ClaimsPrincipal user, string permission) =>
        user.Identity?.IsAuthenticated == true
        && _permissions.TryGetValue(permission, out var p)
        && p.GrantedTo.Any(user.IsInRole);
}
