using System.Text.RegularExpressions;

namespace CsmsCluster.Deploy.Tests;

/// <summary>
/// The configuration keys the server documents (README.md's configuration table) and the platform variables the
/// deployment relies on.
/// </summary>
internal static partial class ConfigurationKeys
{

    /// <summary>Variables read by ASP.NET Core, the .NET host, OpenTelemetry, or the pod spec itself.</summary>
    public static readonly IReadOnlySet<string> Platform = new HashSet<string>(StringComparer.Ordinal)
    {
        "Urls", "ASPNETCORE_URLS", "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "DOTNET_SHUTDOWNTIMEOUTSECONDS",
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES", "POD_NAME", "POD_IP",
    };

    private static readonly Lazy<IReadOnlySet<string>> DocumentedKeys = new(ReadDocumented);

    /// <summary>The <c>Csms:...</c> keys of README.md's configuration table.</summary>
    public static IReadOnlySet<string> Documented => DocumentedKeys.Value;

    /// <summary>Why an environment variable name is not a known setting, or null when it is one.</summary>
    public static string? Problem(string variable)
    {
        if (Platform.Contains(variable))
        {
            return null;
        }

        if (!variable.StartsWith("Csms__", StringComparison.Ordinal))
        {
            return $"{variable} is neither a Csms__ setting nor a known platform variable";
        }

        var key = variable.Replace("__", ":", StringComparison.Ordinal);
        return Documented.Contains(key) ? null : $"{variable} ({key}) is not in README.md's configuration table";
    }

    private static HashSet<string> ReadDocumented()
    {
        var keys = TableKey().Matches(Repository.Read("README.md")).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.True(keys.Count > 10, "README.md's configuration table was not found");
        return keys;
    }

    [GeneratedRegex(@"^\| `(Csms:[A-Za-z:]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableKey();
}
