using CsmsCluster.Grains;
using CsmsCluster.Grains.Cluster;

namespace CsmsCluster.Cluster.Tests;

/// <summary>
/// G1 and G2 under churn: five silos, 10,000 keys, a client on a gateway node incrementing random counters while
/// silos are killed, stopped and started. The activation log must show no two overlapping activations of a key, and
/// every counter must hold exactly its acknowledged increments plus, at most, the ones whose outcome was unknown.
/// </summary>
public sealed class ChaosTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);
    private const int Keys = 10_000;

    [Fact]
    public async Task Churn_NoTwoActivationsOfAKeyOverlap_AndNoAcknowledgedWriteIsLostOrDoubled()
    {
        await using var cluster = await TestCluster.CreateAsync();
        var live = new List<TestSilo>();
        for (var i = 0; i < 5; i++)
        {
            live.Add(await cluster.StartSiloAsync());
        }

        var client = await cluster.StartSiloAsync(ClusterRoles.Gateway);
        await Settled.ViewAsync([.. live, client], 5);
        var acknowledged = new int[Keys];
        var unknown = new int[Keys];
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
                    await client.Grains.GetGrain<ICounterGrain>($"chaos-{key}").IncrementAsync();
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
            switch (random.Next(3))
            {
                case 0 when live.Count > 3:
                    var victim = live[random.Next(live.Count)];
                    live.Remove(victim);
                    await victim.KillAsync();
                    operations.Add("kill");
                    break;
                case 1 when live.Count > 3:
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

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{operations.Count} membership changes ({string.Join(", ", operations)}); {acknowledged.Sum()} increments acknowledged on {touched.Count} keys, " +
            $"{unknown.Sum()} with unknown outcome, {notRun} not run; {cluster.Activations.Entries.Count} activations logged, 0 overlapping.");
        Assert.True(acknowledged.Sum() > 1000, "expected the clients to keep working through the churn");
        Assert.Contains("kill", operations);
    }
}
