using System.Collections.Concurrent;
using System.Globalization;

namespace CsmsCluster.Server.Tests;

/// <summary>A graceful stop loses nothing the CSMS acknowledged.</summary>
public sealed class ShutdownTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task GracefulStop_UnderLoad_EveryAcknowledgedMeterValueIsStored(StorageKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        var acknowledged = new ConcurrentDictionary<int, ConcurrentBag<string>>();
        const int chargers = 8;
        await using (var server = await CsmsTestServer.StartAsync(db))
        {
            var clients = await Task.WhenAll(Enumerable.Range(0, chargers).Select(i => OcppTestClient.ConnectAsync(server.OcppUri($"CP-DRAIN-{i}"))));
            var transactions = await Task.WhenAll(clients.Select(async (c, i) =>
                (await c.CallAsync("StartTransaction", Ocpp16Payloads.Start(1, "DRAIN", 0, "2026-05-01T00:00:00Z"))).GetProperty("transactionId").GetInt32()));
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var warmedUp = 0;

            // Each charger sends MeterValues back to back until the server goes away.
            var senders = clients.Select((client, i) => Task.Run(async () =>
            {
                var bag = acknowledged.GetOrAdd(transactions[i], _ => []);
                for (var n = 0; n < 10_000; n++)
                {
                    var timestamp = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(n).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                    try
                    {
                        await client.CallAsync("MeterValues", Ocpp16Payloads.Meter(1, transactions[i], timestamp, n), TimeSpan.FromSeconds(10));
                    }
                    catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or TimeoutException or OcppCallErrorException or ObjectDisposedException)
                    {
                        return;
                    }

                    bag.Add(timestamp);
                    if (n == 20 && Interlocked.Increment(ref warmedUp) == chargers)
                    {
                        started.TrySetResult();
                    }
                }
            })).ToList();

            await started.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            await server.StopAsync();
            await Task.WhenAll(senders).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }

        Assert.True(acknowledged.Values.Sum(b => b.Count) > chargers * 20, "expected the chargers to have had many messages acknowledged before the stop");
        await using var restarted = await CsmsTestServer.StartAsync(db);
        foreach (var (transactionId, timestamps) in acknowledged)
        {
            var tx = await restarted.Api.GetJsonAsync($"/api/v1/transactions/{transactionId}");
            var stored = tx.GetProperty("meterValues").EnumerateArray()
                .Select(m => m.GetProperty("timestamp").GetDateTimeOffset().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
                .ToHashSet();
            var missing = timestamps.Where(t => !stored.Contains(t)).ToList();
            Assert.True(missing.Count == 0, $"transaction {transactionId}: {missing.Count} acknowledged meter values missing, e.g. {string.Join(", ", missing.Take(3))}");
        }
    }

    [Fact]
    public async Task GracefulStop_WithCloseSpread_ClosesSocketsInWavesOverTheSpread()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        await using var server = await CsmsTestServer.StartAsync(db, new Dictionary<string, string?> { ["Csms:Ocpp:ShutdownCloseSpread"] = "00:00:02" });
        var clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => OcppTestClient.ConnectAsync(server.OcppUri($"CP-SPREAD-{i}"))));
        var closedAt = clients.Select(async c =>
        {
            var status = await c.Closed;
            return (Status: status, At: DateTimeOffset.UtcNow);
        }).ToList();

        await server.StopAsync();
        var closes = await Task.WhenAll(closedAt).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.All(closes, c => Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, c.Status));
        var span = closes.Max(c => c.At) - closes.Min(c => c.At);
        Assert.True(span >= TimeSpan.FromSeconds(1.2), $"20 sockets in waves over 2 s should close over more than 1.2 s; they closed within {span.TotalMilliseconds:0} ms");
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }
}
