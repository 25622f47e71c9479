using System.Globalization;

namespace CsmsCluster.Bench.Load;

/// <summary>Pass/fail text for a measured value against an upper-bound target.</summary>
public static class Verdict
{
    public static string AtMost(double value, double target, string unit, double? stretch = null)
    {
        if (double.IsNaN(value))
        {
            return "not measured";
        }

        if (value <= target)
        {
            return stretch is { } s && value <= s ? "**pass** (stretch met)" : "**pass**";
        }

        return target > 0
            ? string.Create(CultureInfo.InvariantCulture, $"**FAIL** by {value - target:0.##} {unit} ({(value / target - 1) * 100:0}% over)")
            : string.Create(CultureInfo.InvariantCulture, $"**FAIL** by {value - target:0.##} {unit}");
    }

    public static string AtLeast(double value, double target, string unit) =>
        value >= target ? "**pass**" : string.Create(CultureInfo.InvariantCulture, $"**FAIL** by {target - value:0.##} {unit}");
}
