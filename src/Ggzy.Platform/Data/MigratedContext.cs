namespace Ggzy.Platform.Data;

/// <summary>A context whose migrations the host applies; registered by <see cref="DbContextRegistration.AddGgzyDbContext{TContext}"/>.</summary>
public sealed record MigratedContext(Type ContextType);

/// <summary>Work the host does at every start after migrating (idempotent), such as installing the shipped calendar.</summary>
public interface IStartupTask
{
    int Order { get; }

    Task RunAsync(CancellationToken ct);
}
