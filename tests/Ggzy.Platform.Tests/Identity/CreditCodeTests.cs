using Ggzy.Platform.Identity;

namespace Ggzy.Platform.Tests.Identity;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000600037341L")]
    public void TryParse_PublishedCodes_AreValid(string code)
    {
        CreditCode.TryParse(code, out var parsed, out var error).ShouldBeTrue(error);
        parsed.Value.ShouldBe(code);
    }

    [Fact]
    public void TryParse_WrongCheckCharacter_NamesPosition18()
    {
        CreditCode.TryParse("91350100M000100Y44", out _, out var error).ShouldBeFalse();
        error.ShouldContain("第 18 位");
        error.ShouldContain("GB 32100");
    }

    [Fact]
    public void TryParse_WrongOrganizationCodeCheckDigit_NamesPosition17()
    {
        var first17 = "91350100M000100Y5";
        var code = first17 + CreditCode.CheckCharacter(first17);

        CreditCode.TryParse(code, out _, out var error).ShouldBeFalse();
        error.ShouldContain("第 17 位");
        error.ShouldContain("GB 11714");
    }

    [Theory]
    [InlineData("9135010")]
    [InlineData("91350100M000100YI3")]
    public void TryParse_WrongLengthOrLetters_SaysWhatIsWrong(string code)
    {
        CreditCode.TryParse(code, out _, out var error).ShouldBeFalse();
        error.ShouldContain("统一社会信用代码");
    }

    [Theory]
    [InlineData("91", "工商·企业")]
    [InlineData("92", "工商·个体工商户")]
    [InlineData("93", "工商·农民专业合作社")]
    [InlineData("12", "机构编制·事业单位")]
    [InlineData("52", "民政·民办非企业单位")]
    public void CategoryName_DefinedPairs_AreNamed(string pair, string name) => CreditCode.CategoryName(pair).ShouldBe(name);

    [Theory]
    [InlineData("94")]
    [InlineData("B1")]
    [InlineData("9")]
    [InlineData(null)]
    public void CategoryName_UndefinedPairs_AreNull(string? pair) => CreditCode.CategoryName(pair).ShouldBeNull();

    [Fact]
    public void Category_IsPositions1To2_AndRegionPositions3To8()
    {
        var code = CreditCode.Parse("91350100M000100Y43");

        code.Category.ShouldBe("91");
        code.RegionCode.ShouldBe("350100");
    }
}
