using Ggzy.Platform.Errors;
using Ggzy.Trading.Areas.Trading.Pages.Evaluation;
using Ggzy.Trading.Features.Evaluation;

namespace Ggzy.Trading.Tests.Evaluation;

/// <summary>The room's correction form takes the priced lines one a line (名称, 数量, 单价, 合价), as the API's lines (T35).</summary>
public sealed class CorrectionFormTests
{
    [Fact]
    public void PriceLines_ReadsEachLine_WithCommasChineseCommasOrTabs()
    {
        var lines = RoomModel.PriceLines("苗木种植, 1200, 85.5, 102600\r\n园路铺装，350，260，91000\n\n照明\t40\t1500\t6000.00");

        lines.ShouldBe([
            new PriceLineInput("苗木种植", 1200m, 85.5m, 102_600m),
            new PriceLineInput("园路铺装", 350m, 260m, 91_000m),
            new PriceLineInput("照明", 40m, 1500m, 6000m),
        ]);
    }

    [Fact]
    public void PriceLines_None_WhenTheBoxIsEmpty() => RoomModel.PriceLines("  \n ").ShouldBeNull();

    [Fact]
    public void PriceLines_AMalformedLine_IsRefusedNamingIt()
    {
        var error = Should.Throw<InputValidationException>(() => RoomModel.PriceLines("苗木种植, 1200, 85.5, 102600\n园路铺装, 三百五十, 260, 91000"));

        error.Errors["lines"].ShouldHaveSingleItem().ShouldContain("第 2 行");
    }
}
