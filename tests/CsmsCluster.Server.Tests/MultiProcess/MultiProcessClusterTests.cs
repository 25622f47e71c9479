using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using CsmsCluster.Server.Tests.Migrations;
using CsmsCluster.TestSupport;

namespace CsmsCluster.Server.Tests.MultiProcess;

/// <summary>
/// The cluster as real processes: PostgreSQL, three silos and one gateway (each <c>dotnet CsmsCluster.Server.dll</c>),
/// chargers connected through the gateway over WebSockets running sessions, and one silo killed with SIGKILL.
/// Membership timing is shortened (lease 2 s, margin 1 s) so the test is quick.
/// </summary>
public sealed class MultiProcessClusterTests
{
    private const int Chargers = 24;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KillOneSilo_EveryChargerIsServedAgainWithinLeasePlusThreeSeconds_AndNothingAcknowledgedIsLostOrDuplicated()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Postgres);
        var nodes = new List<ServerProcess>();
        try
        {
            // The first node migrates the empty database; the others start once it is ready.
            nodes.Add(Start(db, "silo", "silo-1"));
            await nodes[0].ListeningAsync(TimeSpan.FromSeconds(60));
            nodes.Add(Start(db, "silo", "silo-2"));
            nodes.Add(Start(db, "silo", "silo-3"));
            var gatewayProcess = Start(db, "gateway", "gateway-1");
            nodes.Add(gatewayProcess);
            var addresses = await Task.WhenAll(nodes.Select(n => n.ListeningAsync(TimeSpan.FromSeconds(60))));
            var gateway = addresses[3];
            await WaitForMembersAsync(db, silos: 3, gateways: 1);
            using var api = Api(addresses[0]);
            var idTag = await api.PutAsync("/api/v1/idtags/MP-TAG", Json("""{"status":"Accepted"}"""), Ct);
            Assert.True(idTag.IsSuccessStatusCode, $"PUT idtag: {(int)idTag.StatusCode} {await idTag.Content.ReadAsStringAsync(Ct)}");

            var runs = new List<ChargerRun>();
            foreach (var i in Enumerable.Range(0, Chargers))
            {
                runs.Add(await ChargerRun.StartAsync(new Uri($"ws://{gateway.Authority}/ocpp/CP-MP-{i:00}")));
            }

            using var traffic = new CancellationTokenSource();
            var senders = runs.Select(r => Task.Run(() => r.SendMeterValuesAsync(traffic.Token), Ct)).ToList();
            await Task.Delay(TimeSpan.FromSeconds(2), Ct);

            // A command from the API of one silo reaches a charger whose socket the gateway holds.
            runs[0].Client.OnCall = (action, _) => action == "TriggerMessage" ? """{"status":"Accepted"}""" : null;
            var command = await api.PostAsync("/api/v1/chargepoints/CP-MP-00/ocpp/TriggerMessage", Json("""{"requestedMessage":"Heartbeat"}"""), Ct);
            Assert.Equal(HttpStatusCode.OK, command.StatusCode);
            Assert.Equal("Accepted", JsonDocument.Parse(await command.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("status").GetString());

            var killedAt = Stopwatch.GetTimestamp();
            nodes[2].Kill();
            foreach (var run in runs)
            {
                run.MarkKill(killedAt);
            }

            var bound = Lease + Margin + TimeSpan.FromSeconds(3);
            await Eventually.WaitAsync(() => runs.All(r => r.ServedAfterKill is not null), bound + TimeSpan.FromSeconds(10), "every charger served again after the kill");
            var slowest = runs.Max(r => r.ServedAfterKill!.Value);
            Assert.True(slowest <= bound, $"every charger should be served again within lease + margin + 3 s = {bound.TotalSeconds} s; the slowest took {slowest.TotalSeconds:0.00} s");
            TestContext.Current.TestOutputHelper?.WriteLine($"Slowest charger served again {slowest.TotalSeconds:0.00} s after kill -9 of one silo.");

            await Task.Delay(TimeSpan.FromSeconds(1), Ct);
            await traffic.CancelAsync();
            await Task.WhenAll(senders);
            foreach (var run in runs)
            {
                await run.StopAsync();
            }

            // Everything acknowledged is stored exactly once (read through a surviving silo's API).
            foreach (var run in runs)
            {
                var tx = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/transactions/{run.TransactionId}", Ct)).RootElement;
                Assert.Equal(JsonValueKind.String, tx.GetProperty("stopTime").ValueKind);
                var stored = tx.GetProperty("meterValues").EnumerateArray()
                    .Select(m => m.GetProperty("timestamp").GetDateTimeOffset().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
                    .ToList();
                Assert.Equal(stored.Count, stored.Distinct().Count());
                var missing = run.Acknowledged.Where(t => !stored.Contains(t)).ToList();
                Assert.True(missing.Count == 0, $"{run.Id}: {missing.Count} acknowledged meter values missing");
            }

            var page = JsonDocument.Parse(await api.GetStringAsync("/api/v1/transactions?pageSize=500", Ct)).RootElement;
            var ids = page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("chargePointId").GetString()).ToList();
            Assert.Equal(Chargers, ids.Count(id => id!.StartsWith("CP-MP-", StringComparison.Ordinal)));
            Assert.True(runs.Sum(r => r.Acknowledged.Count) > Chargers * 10, "expected many acknowledged meter values");
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static ServerProcess Start(TestDatabase db, string role, string name) => ServerProcess.Start(ClusterNode.Settings(db, role, name, Lease, Margin));

    private static Task WaitForMembersAsync(TestDatabase db, int silos, int gateways) => ClusterNode.WaitForMembersAsync(db, silos, gateways);

    private static HttpClient Api(Uri address)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", CsmsTestServer.AdminToken);
        return client;
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>One charger: boots, starts a transaction, sends MeterValues (retrying each until acknowledged, as a
    /// charger does with transaction messages), and records what was acknowledged.</summary>
    private sealed class ChargerRun
    {
        private long _killedAt;
        private int _sequence;

        private ChargerRun(string id, OcppTestClient client, int transactionId)
        {
            Id = id;
            Client = client;
            TransactionId = transactionId;
        }

        public string Id { get; }

        public OcppTestClient Client { get; }

        public int TransactionId { get; }

        public ConcurrentBag<string> Acknowledged { get; } = [];

        /// <summary>From the kill to the first acknowledgement of a CALL sent after it.</summary>
        public TimeSpan? ServedAfterKill { get; private set; }

        public static async Task<ChargerRun> StartAsync(Uri uri)
        {
            var id = uri.Segments[^1];
            var client = await OcppTestClient.ConnectAsync(uri);
            await client.CallAsync("BootNotification", Ocpp16Payloads.Boot);
            var start = await RetryAsync(client, "StartTransaction", Ocpp16Payloads.Start(1, "MP-TAG", 0, "2026-06-01T00:00:00Z"));
            return new ChargerRun(id, client, start.GetProperty("transactionId").GetInt32());
        }

        public void MarkKill(long timestamp) => Interlocked.Exchange(ref _killedAt, timestamp);

        public async Task SendMeterValuesAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                var n = ++_sequence;
                var timestamp = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(n).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                var sentAt = Stopwatch.GetTimestamp();
                await RetryAsync(Client, "MeterValues", Ocpp16Payloads.Meter(1, TransactionId, timestamp, n * 10));
                Acknowledged.Add(timestamp);
                var killedAt = Interlocked.Read(ref _killedAt);
                if (killedAt != 0 && sentAt >= killedAt && ServedAfterKill is null)
                {
                    ServedAfterKill = Stopwatch.GetElapsedTime(killedAt);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
            }
        }

        public async Task StopAsync()
        {
            await RetryAsync(Client, "StopTransaction", Ocpp16Payloads.Stop(TransactionId, (_sequence + 1) * 10, "2026-06-01T01:00:00Z"));
            await Client.DisposeAsync();
        }

        // A transaction-related message that got no CALLRESULT is sent again with the same content (OCPP 1.6 §4.6 /
        // the message retry rules), until it is acknowledged.
        private static async Task<JsonElement> RetryAsync(OcppTestClient client, string action, string payload)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await client.CallAsync(action, payload, TimeSpan.FromSeconds(15));
                }
                catch (Exception exception) when (exception is OcppCallErrorException or TimeoutException && attempt < 20)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
                }
            }
        }
    }
}
