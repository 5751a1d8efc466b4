using System.Reflection.Metadata;
using Shouldly;
using Xunit;

namespace Ggzy.ArchitectureTests;

/// <summary>
/// Time comes from the injected TimeProvider (architecture §3). The banned-API analyzer stops a new call at build
/// time; the compiled code is scanned as well, so a suppressed warning cannot slip one through.
/// </summary>
public sealed class ClockTests
{
    private static readonly string[] BannedClockMembers =
    [
        "System.DateTime.get_Now", "System.DateTime.get_UtcNow", "System.DateTime.get_Today",
        "System.DateTimeOffset.get_Now", "System.DateTimeOffset.get_UtcNow",
    ];

    public static TheoryData<string> ProjectNames => [.. SourceTree.Projects.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(ProjectNames))]
    public void Assembly_OfEachProject_ReadsNoStaticClock(string project) =>
        ClockReads(SourceTree.Projects.Single(p => p.Name == project).AssemblyFile).ShouldBeEmpty(
            "inject TimeProvider and call GetUtcNow()");

    [Fact]
    public void Scan_OnCodeThatReadsTheClock_FindsIt() =>
        ClockReads(typeof(ClockTests).Assembly.Location).ShouldBe(["System.DateTime.get_UtcNow"]);

    [Fact]
    public void BannedSymbols_File_ListsEveryStaticClock()
    {
        var banned = File.ReadAllLines(Path.Combine(SourceTree.Root, "BannedSymbols.txt"))
            .Select(l => l.Split(';')[0].Trim()).ToHashSet(StringComparer.Ordinal);

        string[] clocks =
        [
            "P:System.DateTime.Now", "P:System.DateTime.UtcNow", "P:System.DateTime.Today",
            "P:System.DateTimeOffset.Now", "P:System.DateTimeOffset.UtcNow",
        ];
        clocks.Where(c => !banned.Contains(c)).ShouldBeEmpty();
    }

    [Fact]
    public void BannedApiAnalyzer_InBuildSettings_IsOnAndAnError()
    {
        var props = File.ReadAllText(Path.Combine(SourceTree.Root, "Directory.Build.props"));
        props.ShouldContain("<PackageReference Include=\"Microsoft.CodeAnalysis.BannedApiAnalyzers\"");
        props.ShouldContain("BannedSymbols.txt");
        File.ReadAllLines(Path.Combine(SourceTree.Root, ".editorconfig")).ShouldContain("dotnet_diagnostic.RS0030.severity = error");
    }

    public static List<string> ClockReads(string assemblyFile) => SourceTree.Read(assemblyFile, md =>
        md.MemberReferences
            .Select(h => md.GetMemberReference(h))
            .Where(m => m.Parent.Kind == HandleKind.TypeReference)
            .Select(m =>
            {
                var type = md.GetTypeReference((TypeReferenceHandle)m.Parent);
                return $"{md.GetString(type.Namespace)}.{md.GetString(type.Name)}.{md.GetString(m.Name)}";
            })
            .Where(name => BannedClockMembers.Contains(name, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList());
}
