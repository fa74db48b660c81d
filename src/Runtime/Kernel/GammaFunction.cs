namespace VirtLang.Runtime.Kernel;

/// <summary>
/// Γ(x) for x &gt; 0, by the Lanczos approximation (g = 7, nine coefficients; relative error about 1e-15): what turns
/// a Weibull's mean into its scale, λ = mean ÷ Γ(1 + 1/k). Written out rather than taken from a package so that the
/// same digits come out on every machine, as the random streams do.
/// </summary>
public static class GammaFunction
{
    private static readonly double[] Coefficients =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    public static double Gamma(double x)
    {
        if (x < 0.5)
        {
            // Reflection: Γ(x) Γ(1 − x) = π ÷ sin(πx).
            return Math.PI / (Math.Sin(Math.PI * x) * Gamma(1 - x));
        }

        x -= 1;
        var sum = Coefficients[0];
        for (var i = 1; i < Coefficients.Length; i++)
        {
            sum += Coefficients[i] / (x + i);
        }

        var t = x + 7.5;
        return Math.Sqrt(2 * Math.PI) * Math.Pow(t, x + 0.5) * Math.Exp(-t) * sum;
    }
}
