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
}
