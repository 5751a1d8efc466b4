using Ggzy.Trading.Contracts;
using Ggzy.Trading.Domain.Projects;

namespace Ggzy.Trading.Tests.Projects;

public sealed class TradeCodesTests
{
    [Fact]
    public void ForProject_BuildsTwentyCharactersFromSectorRegionYearSequenceAndCheck()
    {
        var code = TradeCodes.ForProject(CatalogNames.Construction, "990100", 2026, 42);

        code.Length.ShouldBe(TradeCodes.ProjectLength);
        code[..19].ShouldBe("E990100202600000042");
        TradeCodes.IsValidProject(code).ShouldBeTrue();
    }

    [Fact]
    public void IsValidProject_AnyChangedCharacter_IsDetected()
    {
        var code = TradeCodes.ForProject(CatalogNames.GovernmentProcurement, "990100", 2026, 7);

        for (var i = 1; i < 19; i++)
        {
            var changed = code.ToCharArray();
            changed[i] = changed[i] == '9' ? '0' : (char)(changed[i] + 1);
            TradeCodes.IsValidProject(new string(changed)).ShouldBeFalse($"position {i + 1}");
        }
    }

    [Fact]
    public void ForLot_AppendsThreeDigitNumber()
    {
        var project = TradeCodes.ForProject(CatalogNames.Construction, "990100", 2026, 1);

        var lot = TradeCodes.ForLot(project, 2);

        lot.ShouldBe(project + "002");
        TradeCodes.IsValidLot(lot).ShouldBeTrue();
        TradeCodes.IsValidLot(project + "000").ShouldBeFalse();
    }

    [Theory]
    [InlineData(CatalogNames.Construction, 'E')]
    [InlineData(CatalogNames.GovernmentProcurement, 'Z')]
    [InlineData(CatalogNames.LandUseRights, 'T')]
    [InlineData(CatalogNames.MiningRights, 'K')]
    [InlineData(CatalogNames.StateOwnedEquity, 'C')]
    [InlineData(CatalogNames.Other, 'Q')]
    public void SectorLetter_FollowsTheDocumentedTable(string sector, char letter) =>
        TradeCodes.SectorLetter(sector).ShouldBe(letter);
}
