namespace Ggzy.TestKit.Statistics;

/// <summary>
/// The chi-square distribution's upper tail: p = Q(k/2, x/2), the regularized upper incomplete gamma function, by its
/// series for x &lt; a + 1 and by Lentz's continued fraction otherwise (Numerical Recipes §6.2), with ln Γ by Lanczos
/// (g = 7, 9 coefficients; relative error below 1e-15 for positive arguments).
/// </summary>
public static class ChiSquare
{
    private const int MaxIterations = 100_000;
    private const double Epsilon = 1e-15;
    private const double Tiny = 1e-300;

    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>P(X ≥ <paramref name="statistic"/>) for X ~ χ² with <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    public static double UpperTail(double statistic, double degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        return statistic <= 0 ? 1.0 : RegularizedUpperGamma(degreesOfFreedom / 2, statistic / 2);
    }

    /// <summary>Q(a, x) = Γ(a, x) / Γ(a), for a &gt; 0 and x ≥ 0.</summary>
    public static double RegularizedUpperGamma(double a, double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(a);
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        if (x == 0)
        {
            return 1.0;
        }

        return x < a + 1 ? 1.0 - LowerSeries(a, x) : UpperContinuedFraction(a, x);
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos; the reflection formula is not needed for positive arguments).</summary>
    public static double LogGamma(double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(x);
        if (x < 0.5)
        {
            // Γ(x) = Γ(x + 1) / x keeps the Lanczos sum in its accurate range.
            return LogGamma(x + 1) - Math.Log(x);
        }

        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    // P(a, x) = e^{-x} x^a / Γ(a + 1) · Σ x^n / ((a + 1) … (a + n)).
    private static double LowerSeries(double a, double x)
    {
        var term = 1.0 / a;
        var sum = term;
        for (var n = 1; n < MaxIterations; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
            {
                return sum * Math.Exp(-x + (a * Math.Log(x)) - LogGamma(a));
            }
        }

        throw new ArithmeticException($"The gamma series did not converge for a = {a}, x = {x}.");
    }

    // Q(a, x) = e^{-x} x^a / Γ(a) · 1 / (x + 1 − a − 1·(1 − a) / (x + 3 − a − 2·(2 − a) / (x + 5 − a − …))), by modified Lentz.
    private static double UpperContinuedFraction(double a, double x)
    {
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                return Math.Exp(-x + (a * Math.Log(x)) - LogGamma(a)) * h;
            }
        }

        throw new ArithmeticException($"The gamma continued fraction did not converge for a = {a}, x = {x}.");
    }
}

/// <summary>A chi-square goodness-of-fit result: the statistic, its degrees of freedom and the upper-tail p-value.</summary>
public sealed record ChiSquareTest(double Statistic, int DegreesOfFreedom, double PValue)
{
    /// <summary>
    /// Pearson's test that, within each group, every category is equally likely: Σ (observed − mean)² / mean over every
    /// category of every group, with Σ (group size − 1) degrees of freedom.
    /// </summary>
    public static ChiSquareTest EqualWithinGroups(IEnumerable<IReadOnlyList<long>> groups)
    {
        var statistic = 0.0;
        var df = 0;
        foreach (var counts in groups)
        {
            if (counts.Count < 2)
            {
                continue;
            }

            var expected = counts.Sum() / (double)counts.Count;
            if (expected <= 0)
            {
                continue;
            }

            statistic += counts.Sum(o => (o - expected) * (o - expected)) / expected;
            df += counts.Count - 1;
        }

        return df == 0 ? new ChiSquareTest(0, 0, 1.0) : new ChiSquareTest(statistic, df, ChiSquare.UpperTail(statistic, df));
    }
}
