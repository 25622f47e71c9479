using System.Globalization;

namespace CsmsCluster.Api;

/// <summary>Parses the <c>from</c>/<c>to</c> query parameters of list endpoints (ISO-8601, UTC when no offset).</summary>
internal static class QueryTime
{
    public const string Error = "from and to must be ISO-8601 date-times, e.g. 2026-01-31T00:00:00Z.";

    public static bool TryParse(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed.ToUniversalTime();
            return true;
        }

        return false;
    }
}
