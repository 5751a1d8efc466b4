using Ggzy.TestKit.Statistics;

namespace Ggzy.Experts.Tests;

public sealed class ChiSquareTests
{
    [Theory]
    [InlineData(0.5, 0.572364942924700087)] // ln √π
    [InlineData(1.0, 0.0)]
    [InlineData(10.0, 12.8018274800814696)] // ln 9!
    [InlineData(100.5, 361.4355404677776)]
    [InlineData(0.1, 2.25271265173420596)]
    public void LogGamma_MatchesKnownValues(double x, double expected) =>
        ChiSquare.LogGamma(x).ShouldBe(expected, Math.Abs(expected) * 1e-12 + 1e-13);

    [Theory]
    [InlineData(0.5)]
    [InlineData(3.0)]
    [InlineData(40.0)]
    public void UpperTail_OfTwoDegrees_IsExpOfMinusHalfX(double x) => ChiSquare.UpperTail(x, 2).ShouldBe(Math.Exp(-x / 2), 1e-14);

    // Critical values from the standard tables (e.g. NIST/SEMATECH e-Handbook §1.3.6.7.4).
    [Theory]
    [InlineData(3.841, 1, 0.05)]
    [InlineData(6.635, 1, 0.01)]
    [InlineData(18.307, 10, 0.05)]
    [InlineData(23.209, 10, 0.01)]
    [InlineData(124.342, 100, 0.05)]
    [InlineData(135.807, 100, 0.01)]
    [InlineData(77.929, 100, 0.95)]
    public void UpperTail_AtTableCriticalValues_IsTheTablesProbability(double x, double df, double p) =>
        ChiSquare.UpperTail(x, df).ShouldBe(p, p * 0.002);

    [Fact]
    public void UpperTail_OfManyDegrees_IsNearAHalfAtTheMean_AndFallsInTheTail()
    {
        // For large k, χ² ≈ N(k, 2k): the median is about k − 2/3, and k + 2.326·√(2k) leaves about 1%.
        ChiSquare.UpperTail(10_000 - (2.0 / 3), 10_000).ShouldBe(0.5, 0.001);
        ChiSquare.UpperTail(10_000 + (2.326 * Math.Sqrt(20_000)), 10_000).ShouldBe(0.01, 0.001);
    }

    [Fact]
    public void EqualWithinGroups_SumsEachGroupsStatistic()
    {
        var test = ChiSquareTest.EqualWithinGroups([[10, 20, 30], [5, 5]]);

        test.Statistic.ShouldBe(10.0);
        test.DegreesOfFreedom.ShouldBe(3);
        test.PValue.ShouldBe(ChiSquare.UpperTail(10, 3));
    }
}
