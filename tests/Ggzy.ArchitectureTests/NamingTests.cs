using System.Reflection.Metadata;
using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace Ggzy.ArchitectureTests;

/// <summary>Names say the role (style §2.4): no Manager, Helper or Util grab-bags.</summary>
public sealed partial class NamingTests
{
    /// <summary>ASP.NET Identity's own managers may be extended under their own names.</summary>
    private static readonly string[] IdentityManagers = ["UserManager`1", "RoleManager`1", "SignInManager`1"];

    public static TheoryData<string> ProjectNames => [.. SourceTree.Projects.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(ProjectNames))]
    public void Types_OfEachProject_AreNotManagersHelpersOrUtils(string project) =>
        GrabBags(SourceTree.Projects.Single(p => p.Name == project).AssemblyFile).ShouldBeEmpty(
            "name the type for what it does (…Handler, …Endpoint, …Job, a VerbNoun use case)");

    [Fact]
    public void Scan_OnAGrabBagName_FindsIt() =>
        GrabBags(typeof(NamingTests).Assembly.Location).ShouldBe(["Ggzy.ArchitectureTests.Samples.FormattingUtils"]);

    public static List<string> GrabBags(string assemblyFile) => SourceTree.Read(assemblyFile, md =>
        md.TypeDefinitions
            .Select(h => md.GetTypeDefinition(h))
            .Where(t => Namespace(md, t).StartsWith("Ggzy", StringComparison.Ordinal))
            .Where(t => !md.GetString(t.Name).Contains('<', StringComparison.Ordinal))
            .Where(t => GrabBagName().IsMatch(md.GetString(t.Name)) && !ExtendsIdentityManager(md, t))
            .Select(t => $"{Namespace(md, t)}.{md.GetString(t.Name)}")
            .ToList());

    private static string Namespace(MetadataReader md, TypeDefinition type) =>
        type.GetDeclaringType().IsNil ? md.GetString(type.Namespace) : Namespace(md, md.GetTypeDefinition(type.GetDeclaringType()));

    private static bool ExtendsIdentityManager(MetadataReader md, TypeDefinition type)
    {
        var baseType = type.BaseType;
        if (baseType.Kind == HandleKind.TypeSpecification)
        {
            var signature = md.GetBlobReader(md.GetTypeSpecification((TypeSpecificationHandle)baseType).Signature);
            if (signature.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
            {
                return false;
            }

            signature.ReadSignatureTypeCode();
            baseType = signature.ReadTypeHandle();
        }

        return baseType.Kind == HandleKind.TypeReference
            && IdentityManagers.Contains(md.GetString(md.GetTypeReference((TypeReferenceHandle)baseType).Name), StringComparer.Ordinal);
    }

    [GeneratedRegex("(Manager|Helper|Helpers|Util|Utils|Utility|Utilities)(`[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex GrabBagName();
}
