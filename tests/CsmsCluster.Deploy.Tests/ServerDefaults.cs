using System.Globalization;
using System.Text.RegularExpressions;

namespace CsmsCluster.Deploy.Tests;

/// <summary>What the server itself is configured with (src/CsmsCluster.Server/appsettings.json).</summary>
internal static partial class ServerDefaults
{
    /// <summary>The port of the server's <c>Urls</c> setting.</summary>
    public static int HttpPort
    {
        get
        {
            using var settings = JsonDocument.Parse(Repository.Read("src/CsmsCluster.Server/appsettings.json"));
            return PortOf(settings.RootElement.GetProperty("Urls").GetString()!);
        }
    }

    /// <summary>The port of a listening URL such as <c>http://+:8080</c>.</summary>
    public static int PortOf(string url)
    {
        var match = Port().Match(url);
        Assert.True(match.Success, $"no port in '{url}'");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@":(\d+)/?$")]
    private static partial Regex Port();
}
