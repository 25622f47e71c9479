using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CsmsCluster.Gateway;

/// <summary>Reads the password of OCPP security profiles 1 and 2 (HTTP Basic, user name = charge point id).</summary>
internal static class BasicAuth
{
    /// <summary>
    /// The password from the Authorization header, or null when there is no usable Basic header or its user name is
    /// not <paramref name="chargePointId"/>.
    /// </summary>
    public static string? ReadPassword(HttpRequest request, string chargePointId)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string prefix = "Basic ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[prefix.Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && decoded.AsSpan(0, colon).SequenceEqual(chargePointId) ? decoded[(colon + 1)..] : null;
    }
}
