using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouldly;
using Xunit;

namespace Ggzy.ArchitectureTests;

/// <summary>
/// A module shows other modules only its Contracts, its front door (<c>XxxModule</c>) and its permission names
/// (<c>XxxPermissions</c>); Razor PageModels are public because Razor needs them to be. Everything else is internal.
/// </summary>
public sealed class PublicSurfaceTests
{
    public static readonly IReadOnlyList<string> Modules = ["Credit", "Experts", "Trading", "Supervision", "Portal", "Exchange"];

    public static TheoryData<string> ModuleNames => [.. Modules];

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_PublicTypes_AreContractsFrontDoorPermissionsOrPages(string module)
    {
        var assembly = Assembly.Load("Ggzy." + module);

        assembly.GetExportedTypes().Where(t => !MayBePublic(module, t)).Select(t => t.FullName).ShouldBeEmpty(
            $"make these internal, or move them to Ggzy.{module}.Contracts if other modules need them");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_Assembly_HasItsFrontDoor(string module) =>
        Assembly.Load("Ggzy." + module).GetType($"Ggzy.{module}.{module}Module").ShouldNotBeNull();

    [Fact]
    public void Rule_OnAPublicTypeOutsideContracts_ReportsIt()
    {
        MayBePublic("Credit", typeof(PublicSurfaceTests)).ShouldBeFalse();
        MayBePublic("Credit", typeof(Credit.CreditModule)).ShouldBeTrue();
        MayBePublic("Trading", typeof(Credit.CreditModule)).ShouldBeFalse();
        MayBePublic("Supervision", typeof(Supervision.Areas.Supervision.Pages.LedgerModel)).ShouldBeTrue();
    }

    public static bool MayBePublic(string module, Type type)
    {
        var root = "Ggzy." + module;
        var contracts = root + ".Contracts";
        if (type.Namespace == contracts || type.Namespace?.StartsWith(contracts + ".", StringComparison.Ordinal) == true)
        {
            return true;
        }

        if (type.Namespace == root && !type.IsNested && (type.Name == module + "Module" || type.Name == module + "Permissions"))
        {
            return true;
        }

        var page = type.IsNested ? type.DeclaringType! : type;
        return typeof(PageModel).IsAssignableFrom(page) && page.Namespace?.StartsWith(root + ".", StringComparison.Ordinal) == true;
    }
}
