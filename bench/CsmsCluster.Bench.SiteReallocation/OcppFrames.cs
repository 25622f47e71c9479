using System.Globalization;

namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>The OCPP 1.6 payloads the simulated chargers send.</summary>
public static class OcppFrames
{
    public const string Boot = """{"chargePointVendor":"Bench","chargePointModel":"S4"}""";

    public static string Status(string status) =>
        $$"""{"connectorId":1,"errorCode":"NoError","status":"{{status}}","timestamp":"{{Now()}}"}""";

    public static string Start(string idTag) =>
        $$"""{"connectorId":1,"idTag":"{{idTag}}","meterStart":0,"timestamp":"{{Now()}}"}""";

    public static string Stop(int transactionId) =>
        $$"""{"transactionId":{{transactionId}},"meterStop":1000,"timestamp":"{{Now()}}"}""";

    /// <summary>Current.Import on L1, L2 and L3 at <paramref name="amps"/>.</summary>
    public static string Meter(int transactionId, double amps)
    {
        var value = amps.ToString("0.0", CultureInfo.InvariantCulture);
        var phases = string.Join(",", new[] { "L1", "L2", "L3" }.Select(p =>
            $$"""{"value":"{{value}}","measurand":"Current.Import","unit":"A","phase":"{{p}}"}"""));
        return $$"""{"connectorId":1,"transactionId":{{transactionId}},"meterValue":[{"timestamp":"{{Now()}}","sampledValue":[{{phases}}]}]}""";
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
