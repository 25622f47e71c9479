using CsmsCluster.Grains;
using CsmsCluster.Grains.Cluster;

namespace CsmsCluster.Cluster.Tests;

/// <summary>
/// G1 and G2 under churn: five silos, 10,000 keys, a client on a gateway node incrementing random counters for 60 s
/// while silos (between 3 and 7) are killed, stopped and started. The activation log must show no two overlapping activations of a key, and
/// every counter must hold exactly its acknowledged increments plus, at most, the ones whose outcome was unknown.
/// </summary>
public sealed class ChaosTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);
    private const int Keys = 10_000;

    [Fact]
    public async Task Churn_NoTwoActivationsOfAKeyOverlap_AndNoAcknowledgedWriteIsLostOrDoubled()
    {
        await using var cluster = await TestCluster.CreateAsync();
        var storage = new StorageLog();
        cluster.ConfigureSilo = storage.Decorate;
        var live = new List<TestSilo>();
        for (var i = 0; i < 5; i++)
        {
            live.Add(await cluster.StartSiloAsync());
        }

        var client = await cluster.StartSiloAsync(ClusterRoles.Gateway);
        await Settled.ViewAsync([.. live, client], 5);
        var acknowledged = new int[Keys];
        var unknown = new int[Keys];
        var told = new System.Collections.Concurrent.ConcurrentBag<(int Key, int Count)>();
        var notRun = 0;
        using var stop = new CancellationTokenSource();
        var random = new Random(20261122);

        async Task ClientAsync(int seed)
        {
            var rng = new Random(seed);
            while (!stop.IsCancellationRequested)
            {
                var key = rng.Next(Keys);
                try
                {
                    told.Add((key, await client.Grains.GetGrain<ICounterGrain>($"chaos-{key}").IncrementAsync()));
                    Interlocked.Increment(ref acknowledged[key]);
                }
                catch (Exception exception) when (exception is GrainUnavailableException or GrainNotOwnerException or GrainOverloadedException)
                {
                    Interlocked.Increment(ref notRun); // provably did not run
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    Interlocked.Increment(ref unknown[key]); // timed out, fenced mid-turn or rejected write: may or may not have applied
                }
            }
        }

        var clients = Enumerable.Range(0, 8).Select(i => Task.Run(() => ClientAsync(i))).ToList();
        var deadline = DateTimeOffset.UtcNow + Duration;
        var operations = new List<string>();
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1500), TestContext.Current.CancellationToken);

            // Between 3 and 7 silos: kill, leave or join at random.
            var operation = live.Count <= 3 ? 2 : live.Count >= 7 ? random.Next(2) : random.Next(3);
            switch (operation)
            {
                case 0:
                    var victim = live[random.Next(live.Count)];
                    live.Remove(victim);
                    await victim.KillAsync();
                    operations.Add("kill");
                    break;
                case 1:
                    var leaving = live[random.Next(live.Count)];
                    live.Remove(leaving);
                    await leaving.StopAsync();
                    operations.Add("leave");
                    break;
                default:
                    live.Add(await cluster.StartSiloAsync());
                    operations.Add("join");
                    break;
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(clients);
        await Settled.ViewAsync([.. live, client], live.Count, TimeSpan.FromSeconds(20));

        var overlaps = cluster.Activations.Overlaps();
        Assert.True(overlaps.Count == 0, $"{overlaps.Count} overlapping activations, e.g. {string.Join("; ", overlaps.Take(3))}");
        var touched = Enumerable.Range(0, Keys).Where(k => acknowledged[k] + unknown[k] > 0).ToList();
        foreach (var key in touched)
        {
            var count = (await client.Grains.GetGrain<ICounterGrain>($"chaos-{key}").WhereAsync()).Count;
            Assert.InRange(count, acknowledged[key], acknowledged[key] + unknown[key]);
        }

        // G2 from the database's side: no write was accepted from a silo where the grain had no live activation (a
        // fenced or moved one), each grain's accepted writes form one chain of rising counts (a stale writer would
        // repeat a count), the table holds the last of them, and every count a caller was told is one of them, told once.
        var zombies = storage.AcceptedOutsideAnyActivation(cluster.Activations);
        Assert.True(zombies.Count == 0, $"{zombies.Count} writes accepted from no live activation, e.g. {string.Join("; ", zombies.Take(3))}");
        var chains = storage.AcceptedCountsByKey();
        var broken = chains.Where(c => c.Value.Zip(c.Value.Skip(1)).Any(p => p.Second <= p.First)).Select(c => $"{c.Key}: {string.Join(',', c.Value)}").ToList();
        Assert.True(broken.Count == 0, $"accepted counts that did not rise: {string.Join("; ", broken.Take(3))}");
        var table = await GrainStateTable.ReadCountersAsync(cluster, TestContext.Current.CancellationToken);
        Assert.All(chains, c => Assert.Equal(c.Value[^1], table.GetValueOrDefault(c.Key)));
        foreach (var key in touched)
        {
            Assert.InRange(table.GetValueOrDefault($"chaos-{key}"), acknowledged[key], acknowledged[key] + unknown[key]);
        }

        foreach (var perKey in told.GroupBy(t => t.Key))
        {
            var counts = perKey.Select(t => t.Count).ToList();
            Assert.True(counts.Distinct().Count() == counts.Count, $"chaos-{perKey.Key}: two callers were told the same count ({string.Join(',', counts.Order())})");
            Assert.All(counts, c => Assert.Contains(c, chains[$"chaos-{perKey.Key}"]));
        }

        var writes = storage.Writes;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{writes.Count(w => w.Accepted)} writes accepted, {writes.Count(w => !w.Accepted)} refused; " +
            $"{cluster.Activations.Entries.Count(e => e.Reason == DeactivationReason.Fenced)} activations fenced, " +
            $"{cluster.Activations.Entries.Count(e => e.Reason == DeactivationReason.Moved)} moved.");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{operations.Count} membership changes ({string.Join(", ", operations)}); {acknowledged.Sum()} increments acknowledged on {touched.Count} keys, " +
            $"{unknown.Sum()} with unknown outcome, {notRun} not run; {cluster.Activations.Entries.Count} activations logged, 0 overlapping.");
        Assert.True(acknowledged.Sum() > 1000, "expected the clients to keep working through the churn");
        Assert.Contains("kill", operations);
    }
}
