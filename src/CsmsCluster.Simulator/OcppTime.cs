using System.Globalization;

namespace CsmsCluster.Simulator;

/// <summary>OCPP timestamps: UTC, millisecond precision.</summary>
public static class OcppTime
{
    /// <summary>Formats <paramref name="time"/> as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
