using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using CsmsCluster.TestSupport;

namespace CsmsCluster.Simulator.Tests;

/// <summary>Simulated fleets against the real server; each test uses its own charger id prefix.</summary>
public sealed class FleetTests(InProcessServer server) : IClassFixture<InProcessServer>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private SimulatorOptions Options(string prefix, int chargers) => new()
    {
        ServerUrl = server.OcppBase,
        ChargerCount = chargers,
        IdPrefix = prefix,
        IdTag = "SIMTEST",
        MeterValuesInterval = TimeSpan.FromSeconds(1),
        MeanIdleTime = TimeSpan.FromMilliseconds(200),
        MeanSessionLength = TimeSpan.FromSeconds(2),
        ReconnectBase = TimeSpan.FromMilliseconds(200),
        SourceAddresses = [IPAddress.Parse("127.0.0.2"), IPAddress.Parse("127.0.0.3")],
    };

    private async Task AcceptIdTagAsync()
    {
        var response = await server.Api.PutAsJsonAsync("api/v1/idtags/SIMTEST", new { status = "Accepted" }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private async Task<JsonElement[]> TransactionsAsync(string prefix)
    {
        var page = await server.Api.GetFromJsonAsync<JsonElement>("api/v1/transactions?pageSize=500", TestContext.Current.CancellationToken);
        return [.. page.GetProperty("items").EnumerateArray().Where(t => t.GetProperty("chargePointId").GetString()!.StartsWith(prefix, StringComparison.Ordinal))];
    }

    [Fact]
    public async Task Fleet_FiftyChargers_AllBootAcceptedAndSessionsRecorded()
    {
        await AcceptIdTagAsync();
        await using var fleet = new Fleet(Options("FLT", 50));
        fleet.Start();

        await Eventually.WaitAsync(() => fleet.AcceptedNow() == 50, Deadline, "all 50 chargers connected with BootNotification Accepted");
        await Eventually.WaitAsync(
            async () => (await TransactionsAsync("FLT")).Any(t => t.GetProperty("stopTime").ValueKind == JsonValueKind.String),
            Deadline,
            "sessions of the fleet recorded as transactions, at least one of them stopped");

        var transactions = await TransactionsAsync("FLT");
        Assert.All(transactions, t => Assert.Equal("SIMTEST", t.GetProperty("idTag").GetString()));
        Assert.Equal(0, fleet.Stats.BootsRejected);
        Assert.Equal(0, fleet.Stats.CallErrors);
        Assert.Null(fleet.LastError);
    }

    [Fact]
    public async Task SetChargingProfile_ThroughApi_ChangesDrawInNextMeterValues()
    {
        await AcceptIdTagAsync();
        await using var fleet = new Fleet(new SimulatorOptions
        {
            ServerUrl = server.OcppBase,
            IdPrefix = "PRF",
            IdTag = "SIMTEST",
            MeterValuesInterval = TimeSpan.FromMilliseconds(500),
            MeanIdleTime = TimeSpan.FromMilliseconds(100),
            MeanSessionLength = TimeSpan.FromHours(10),
            EvMaxCurrent = 32,
        });
        fleet.Start();
        var connector = fleet.Chargers[0].Connectors[0];
        await Eventually.WaitAsync(() => connector.TransactionId is not null, Deadline, "a session started on PRF00000");
        var transactionId = connector.TransactionId!.Value;

        var profile = new
        {
            connectorId = 1,
            csChargingProfiles = new
            {
                chargingProfileId = 7,
                transactionId,
                stackLevel = 0,
                chargingProfilePurpose = "TxProfile",
                chargingProfileKind = "Relative",
                chargingSchedule = new { chargingRateUnit = "A", chargingSchedulePeriod = new[] { new { startPeriod = 0, limit = 10.0 } } },
            },
        };
        var response = await server.Api.PostAsJsonAsync("api/v1/chargepoints/PRF00000/ocpp/SetChargingProfile", profile, TestContext.Current.CancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Accepted", answer.GetProperty("status").GetString());

        await Eventually.WaitAsync(
            async () =>
            {
                var tx = await server.Api.GetFromJsonAsync<JsonElement>($"api/v1/transactions/{transactionId}", TestContext.Current.CancellationToken);
                return tx.GetProperty("meterValues").EnumerateArray()
                    .SelectMany(m => m.GetProperty("sampledValue").EnumerateArray())
                    .Any(s => s.GetProperty("measurand").GetString() == "Current.Import" && s.GetProperty("value").GetString() == "10.0");
            },
            Deadline,
            "a MeterValues of the transaction reporting Current.Import 10.0 A after the 10 A TxProfile");
        Assert.Equal(10.0, connector.LastReportedCurrent);
    }

    [Fact]
    public async Task TriggerMessage_Heartbeat_SendsOneHeartbeatWithoutStartingAnotherPeriodicLoop()
    {
        await using var fleet = new Fleet(new SimulatorOptions
        {
            ServerUrl = server.OcppBase,
            IdPrefix = "TRG",
            Sessions = false,
            HeartbeatInterval = TimeSpan.FromSeconds(2),
        });
        fleet.Start();
        await Eventually.WaitAsync(() => fleet.AcceptedNow() == 1, Deadline, "TRG00000 connected and accepted");

        var before = fleet.Stats.CallsSent;
        var started = DateTimeOffset.UtcNow;
        for (var i = 0; i < 3; i++)
        {
            var response = await server.Api.PostAsJsonAsync(
                "api/v1/chargepoints/TRG00000/ocpp/TriggerMessage", new { requestedMessage = "Heartbeat" }, TestContext.Current.CancellationToken);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Equal("Accepted", answer.GetProperty("status").GetString());
        }

        await Task.Delay(TimeSpan.FromSeconds(6), TestContext.Current.CancellationToken);
        var window = DateTimeOffset.UtcNow - started;
        var sent = fleet.Stats.CallsSent - before;

        // Three triggered heartbeats plus the one periodic loop (every 2 s). Had each trigger started a loop of its
        // own, four loops would send about four times the periodic count.
        var periodic = (int)Math.Ceiling(window.TotalSeconds / 2) + 1;
        Assert.InRange(sent, 3, 3 + periodic);
    }

    [Fact]
    public async Task ServerDropsSocket_ChargerReconnectsAndBootsAgain()
    {
        await using var fleet = new Fleet(new SimulatorOptions
        {
            ServerUrl = server.OcppBase,
            IdPrefix = "RCN",
            Sessions = false,
            ReconnectBase = TimeSpan.FromMilliseconds(200),
        });
        fleet.Start();
        await Eventually.WaitAsync(() => fleet.AcceptedNow() == 1, Deadline, "RCN00000 connected and accepted");

        // A second connection with the same id wins; the server closes the simulator's socket.
        using (var intruder = new ClientWebSocket())
        {
            intruder.Options.AddSubProtocol("ocpp1.6");
            await intruder.ConnectAsync(new Uri(server.OcppBase, "RCN00000"), TestContext.Current.CancellationToken);
            await Eventually.WaitAsync(() => fleet.Stats.UnexpectedDisconnects >= 1, Deadline, "the server dropped the simulator's socket");
        }

        await Eventually.WaitAsync(
            () => fleet.Stats.Connects >= 2 && fleet.Stats.BootsAccepted >= 2 && fleet.AcceptedNow() == 1,
            Deadline,
            "RCN00000 reconnected and its BootNotification was accepted again");
    }
}
