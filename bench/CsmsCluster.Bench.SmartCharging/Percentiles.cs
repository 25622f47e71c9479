using System.Globalization;

namespace CsmsCluster.Bench.SmartCharging;

/// <summary>Nearest-rank percentiles of a sample, formatted for the results file.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>"p50 / p95 / max (n)" in seconds.</summary>
    public static string Summary(IReadOnlyList<double> values) =>
        values.Count == 0 ? "n/a (0 samples)"
            : string.Create(CultureInfo.InvariantCulture, $"{Of(values, 50):0.#} / {Of(values, 95):0.#} / {values.Max():0.#} s (n = {values.Count})");
}
