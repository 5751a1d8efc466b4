using Shouldly;
using Xunit;

namespace Ggzy.ArchitectureTests;

/// <summary>
/// Platform ← Credit ← Experts ← Trading ← {Supervision, Portal, Exchange}, with Sealing below Platform: a project
/// may reference only projects on a lower level, so nothing calls up or sideways. Checked in the csproj files and in
/// the built assemblies (a reference the compiler finds unused is dropped from the metadata, so both are needed).
/// </summary>
public sealed class ModuleDependencyTests
{
    public static readonly IReadOnlyDictionary<string, int> Levels = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["Ggzy.Sealing"] = 0,
        ["Ggzy.Platform"] = 1,
        ["Ggzy.Credit"] = 2,
        ["Ggzy.Experts"] = 3,
        ["Ggzy.Trading"] = 4,
        ["Ggzy.Supervision"] = 5,
        ["Ggzy.Portal"] = 5,
        ["Ggzy.Exchange"] = 5,
    };

    /// <summary>The programs on top: they may reference any module; only they reference the migrations.</summary>
    public static readonly IReadOnlySet<string> Hosts = new HashSet<string>(StringComparer.Ordinal) { "Ggzy.Web", "Ggzy.Cli" };

    public static readonly IReadOnlySet<string> Migrations =
        new HashSet<string>(StringComparer.Ordinal) { "Ggzy.Migrations.Sqlite", "Ggzy.Migrations.Postgres" };

    public static TheoryData<string> ProjectNames => [.. SourceTree.Projects.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(ProjectNames))]
    public void Project_InSrc_IsAModuleAHostOrAMigrationsSet(string project) =>
        (Levels.ContainsKey(project) || Hosts.Contains(project) || Migrations.Contains(project)).ShouldBeTrue(
            $"{project} has no place in the module DAG: add it to {nameof(ModuleDependencyTests)} on purpose.");

    [Theory]
    [MemberData(nameof(ProjectNames))]
    public void ProjectFile_OfEachProject_ReferencesOnlyWhatItsPlaceAllows(string project) =>
        Violations(project, Project(project).ProjectReferences).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(ProjectNames))]
    public void Assembly_OfEachProject_ReferencesOnlyWhatItsPlaceAllows(string project) =>
        Violations(project, Project(project).AssemblyReferences.Where(IsOurs)).ShouldBeEmpty();

    [Fact]
    public void Sealing_Assembly_ReferencesNeitherWebNorEntityFramework() =>
        Project("Ggzy.Sealing").AssemblyReferences
            .Where(r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal))
            .ShouldBeEmpty();

    [Theory]
    [InlineData("Ggzy.Credit", "Ggzy.Trading")]
    [InlineData("Ggzy.Supervision", "Ggzy.Portal")]
    [InlineData("Ggzy.Platform", "Ggzy.Credit")]
    [InlineData("Ggzy.Sealing", "Ggzy.Platform")]
    [InlineData("Ggzy.Trading", "Ggzy.Web")]
    [InlineData("Ggzy.Experts", "Ggzy.Migrations.Sqlite")]
    [InlineData("Ggzy.Migrations.Postgres", "Ggzy.Web")]
    [InlineData("Ggzy.Cli", "Ggzy.Web")]
    [InlineData("Ggzy.Exchange", "Ggzy.Unknown")]
    public void Rule_OnAForbiddenReference_ReportsIt(string project, string reference) =>
        Violations(project, [reference]).ShouldNotBeEmpty();

    [Theory]
    [InlineData("Ggzy.Platform", "Ggzy.Sealing")]
    [InlineData("Ggzy.Trading", "Ggzy.Credit")]
    [InlineData("Ggzy.Supervision", "Ggzy.Trading")]
    [InlineData("Ggzy.Web", "Ggzy.Migrations.Sqlite")]
    [InlineData("Ggzy.Migrations.Sqlite", "Ggzy.Trading")]
    [InlineData("Ggzy.Migrations.Postgres", "Ggzy.Credit")]
    [InlineData("Ggzy.Credit", "Ggzy.Sealing")]
    public void Rule_OnAnAllowedReference_IsQuiet(string project, string reference) =>
        Violations(project, [reference]).ShouldBeEmpty();

    public static List<string> Violations(string project, IEnumerable<string> references)
    {
        var violations = new List<string>();
        foreach (var reference in references)
        {
            var allowed = Levels.TryGetValue(project, out var level)
                ? Levels.TryGetValue(reference, out var below) && below < level
                : !Hosts.Contains(reference) && (Levels.ContainsKey(reference) || (Hosts.Contains(project) && Migrations.Contains(reference)));
            if (!allowed)
            {
                violations.Add($"{project} → {reference}");
            }
        }

        return violations;
    }

    private static bool IsOurs(string assembly) => assembly.StartsWith("Ggzy.", StringComparison.Ordinal);

    private static SourceProject Project(string name) => SourceTree.Projects.Single(p => p.Name == name);
}
