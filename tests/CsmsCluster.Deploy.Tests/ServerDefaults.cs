using System.Globalization;
using System.Text.RegularExpressions;

namespace CsmsCluster.Deploy.Tests;

/// <summary>What the server itself defaults to (<c>CsmsServer.DefaultUrl</c> in src/CsmsCluster.Server/CsmsServer.cs).</summary>
internal static partial class ServerDefaults
{
    /// <summary>The port of the server's default listening URL.</summary>
    public static int HttpPort
    {
        get
        {
            var match = DefaultUrl().Match(Repository.Read("src/CsmsCluster.Server/CsmsServer.cs"));
            Assert.True(match.Success, "CsmsServer.DefaultUrl not found");
            return PortOf(match.Groups[1].Value);
        }
    }

    /// <summary>The port of a listening URL such as <c>http://+:8080</c>.</summary>
    public static int PortOf(string url)
    {
        var match = Port().Match(url);
        Assert.True(match.Success, $"no port in '{url}'");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("DefaultUrl = \"([^\"]+)\"")]
    private static partial Regex DefaultUrl();

    [GeneratedRegex(@":(\d+)/?$")]
    private static partial Regex Port();
}
