namespace Ggzy.Platform.Ledger;

/// <summary>Who is acting, as the Ledger records it.</summary>
public sealed record CurrentActor(string Actor, string Role, string Organization, string ClientIp)
{
    public static readonly CurrentActor System = new("system", "system", "", "");
}

/// <summary>The source of the acting party: the HTTP request in the host, the operator in the CLI, system for jobs.</summary>
public interface ICurrentActorAccessor
{
    CurrentActor Current { get; }
}

public sealed class SystemActorAccessor : ICurrentActorAccessor
{
    public CurrentActor Current => CurrentActor.System;
}
