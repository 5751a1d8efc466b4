namespace Ggzy.Platform.Demo;

/// <summary>Bound from <c>Seed</c>: <c>Seed__Demo=false</c> keeps an empty database empty.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Seed";

    public bool Demo { get; set; } = true;
}

/// <summary>A module's part of the demo; runs in <see cref="Order"/> on an empty database only.</summary>
public interface IDemoSeeder
{
    int Order { get; }

    Task SeedAsync(CancellationToken ct);
}
