namespace Ggzy.Platform.Identity;

/// <summary>A permission to take one action, and the roles it is granted to. Each module owns its permissions.</summary>
public sealed record Permission(string Name, string DisplayName, IReadOnlyList<string> GrantedTo);
