using System.Globalization;
using System.Text.Json;

namespace CsmsCluster.Server.Tests.Sites;

/// <summary>
/// A test charger with one connector on a site: it accepts every SetChargingProfile, applies a TxProfile's limit at
/// once (as a charger does on acceptance) and reports it to the shared <see cref="SiteLedger"/>, and can send
/// MeterValues with the current its EV draws.
/// </summary>
internal sealed class SiteCharger(string id, OcppTestClient client, SiteLedger ledger) : IAsyncDisposable
{
    public string Id { get; } = id;

    public OcppTestClient Client { get; } = client;

    public int? TransactionId { get; private set; }

    /// <summary>Connects and boots; with <paramref name="resumeTransaction"/> the charger comes back mid-session.</summary>
    public static async Task<SiteCharger> ConnectAsync(CsmsTestServer server, string id, SiteLedger ledger, int? resumeTransaction = null)
    {
        var client = await OcppTestClient.ConnectAsync(server.OcppUri(id));
        var charger = new SiteCharger(id, client, ledger) { TransactionId = resumeTransaction };
        client.OnCall = charger.Answer;
        await client.CallAsync("BootNotification", Ocpp16Payloads.Boot);
        await client.CallAsync("StatusNotification", Ocpp16Payloads.Status(1, resumeTransaction is null ? "Available" : "Charging"));
        return charger;
    }

    public async Task StartAsync()
    {
        await Client.CallAsync("StatusNotification", Ocpp16Payloads.Status(1, "Preparing"));
        var answer = await Client.CallAsync("StartTransaction", Ocpp16Payloads.Start(1, "SITE-TAG", 0, Now()));
        TransactionId = answer.GetProperty("transactionId").GetInt32();
        await Client.CallAsync("StatusNotification", Ocpp16Payloads.Status(1, "Charging"));
    }

    public async Task StopAsync()
    {
        // The EV stops drawing before the charger reports the stop; the CSMS may reassign the share at once.
        ledger.Ended(Id);
        await Client.CallAsync("StopTransaction", Ocpp16Payloads.Stop(TransactionId!.Value, 1000, Now()));
        await Client.CallAsync("StatusNotification", Ocpp16Payloads.Status(1, "Finishing"));
        TransactionId = null;
    }

    /// <summary>The EV draws what its installed limit allows, on three phases.</summary>
    public Task SendMeterAsync()
    {
        var amps = ledger.Commanded(Id).ToString("0.0", CultureInfo.InvariantCulture);
        var phases = string.Join(",", new[] { "L1", "L2", "L3" }.Select(p =>
            $$"""{"value":"{{amps}}","measurand":"Current.Import","unit":"A","phase":"{{p}}"}"""));
        return Client.CallAsync("MeterValues",
            $$"""{"connectorId":1,"transactionId":{{TransactionId}},"meterValue":[{"timestamp":"{{Now()}}","sampledValue":[{{phases}}]}]}""");
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();

    private string? Answer(string action, JsonElement payload)
    {
        if (action != "SetChargingProfile")
        {
            return """{"status":"Accepted"}""";
        }
        var profile = payload.GetProperty("csChargingProfiles");
        var limit = profile.GetProperty("chargingSchedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble();
        ledger.Applied(Id, profile.GetProperty("chargingProfilePurpose").GetString()!, limit);
        return """{"status":"Accepted"}""";
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
