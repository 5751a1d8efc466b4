using Ggzy.Experts.Contracts;
using Ggzy.Experts.Domain.Specialties;

namespace Ggzy.Experts.Tests.Domain;

/// <summary>The shipped specialty table loads, is consistent, and expands a class into the specialties under it.</summary>
public sealed class SpecialtyCatalogTests
{
    private static readonly SpecialtyCatalog Shipped = SpecialtyCatalog.LoadShipped();

    [Fact]
    public void Shipped_HasTheThreeCategories_Confirmed_AndEnoughSpecialtiesOfEach()
    {
        Shipped.Find("A")!.Confirmed.ShouldBeTrue();
        Shipped.Find("B")!.Confirmed.ShouldBeTrue();
        Shipped.Find("C")!.Confirmed.ShouldBeTrue();
        foreach (var sector in Enum.GetValues<SpecialtySector>())
        {
            Shipped.Assignable.Count(s => s.Sector == sector).ShouldBeGreaterThanOrEqualTo(8, sector.ToString());
        }
    }

    [Fact]
    public void Expand_OfAClass_IsEverySpecialtyUnderIt_AndOfASpecialty_IsItself()
    {
        Shipped.Expand("A08").ShouldContain("A0801");
        Shipped.Expand("A08").ShouldAllBe(c => c.StartsWith("A08", StringComparison.Ordinal) && c.Length == 5);
        Shipped.Expand("a0801").ShouldBe(["A0801"]);
        Shipped.Expand("Z99").ShouldBeEmpty();
        Shipped.Expand("A").Count.ShouldBe(Shipped.Assignable.Count(s => s.Sector == SpecialtySector.Engineering));
    }

    [Fact]
    public void Table_WithAChildOutsideItsParent_IsRejected() =>
        Should.Throw<InvalidOperationException>(() => new SpecialtyCatalog(
        [
            new Specialty { Code = "A", Name = "工程", Sector = SpecialtySector.Engineering },
            new Specialty { Code = "B01", Name = "机电设备", ParentCode = "A", Sector = SpecialtySector.Engineering },
        ], "test"));

    [Fact]
    public void PathOf_NamesTheClasses() =>
        Shipped.PathOf("A0801").ShouldBe("工程 › 工程施工 › 房屋建筑工程施工");
}
