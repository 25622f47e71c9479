using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CsmsCluster.Grains.Cluster;
using CsmsCluster.Grains.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Cluster.Tests;

/// <summary>
/// The peer probe over real sockets: only the silo the table names answers, a silent port is a miss within the
/// timeout, and a node whose thread pool is saturated still answers in time and still judges its own probes correctly.
/// </summary>
[Collection(ThreadPoolSaturation.Name)]
public sealed class ProbeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task Udp_TheSiloTheTableNames_Answers()
    {
        using var responder = Responder("silo-a");
        using var client = new UdpProbeClient();

        Assert.True(await client.ProbeAsync(new IPEndPoint(IPAddress.Loopback, responder.Port), "silo-a", Timeout));
    }

    [Fact]
    public async Task Udp_AnotherSiloOnThatPort_StaysSilent_AndTheProbeMissesAtItsTimeout()
    {
        using var responder = Responder("silo-restarted");
        using var client = new UdpProbeClient();

        var clock = Stopwatch.StartNew();
        var answered = await client.ProbeAsync(new IPEndPoint(IPAddress.Loopback, responder.Port), "silo-a", Timeout);

        Assert.False(answered);
        Assert.InRange(clock.Elapsed, Timeout, Timeout + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Udp_AfterTheResponderStopped_TheProbeMisses()
    {
        var responder = Responder("silo-a");
        var port = responder.Port;
        using var client = new UdpProbeClient();
        Assert.True(await client.ProbeAsync(new IPEndPoint(IPAddress.Loopback, port), "silo-a", Timeout));

        responder.Dispose();

        Assert.False(await client.ProbeAsync(new IPEndPoint(IPAddress.Loopback, port), "silo-a", Timeout));
    }

    [Fact]
    public async Task SiloProbe_ANodeWhoseUdpPortIsTaken_IsJudgedByItsHttpAnswer_AndOnceDeadByNeither()
    {
        await using var cluster = await TestCluster.CreateAsync();
        // Another process holds UDP on the port number the silo's internal port gets: its UDP responder cannot start.
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)taken.LocalEndPoint!).Port;
        var a = await cluster.StartSiloAsync(configure: o => o.InternalPort = port);
        var entry = new SiloEntry(a.Id, "127.0.0.1", port, "silo", SiloStatus.Active, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, TimeSpan.Zero, 0);
        using var udp = new UdpProbeClient();
        Assert.False(await udp.ProbeAsync(new IPEndPoint(IPAddress.Loopback, port), a.Id, Timeout));
        using var probe = new SiloProbe(Options.Create(new ClusterMembershipOptions { ProbeTimeout = TimeSpan.FromSeconds(1) }));

        Assert.True(await ProbeAsync(probe, entry));

        await a.KillAsync();
        Assert.False(await ProbeAsync(probe, entry));
    }

    /// <summary>
    /// Every thread-pool thread blocked for seconds (as a connect storm or a failover burst does to a node on one
    /// core): the probe is still answered and judged within its timeout, because neither side needs the pool. A probe
    /// that used async sockets would see its answer queued behind the blocked work and count a miss.
    /// </summary>
    [Fact]
    public async Task Udp_WithTheThreadPoolSaturated_AnswersAndVerdictsStayInTime()
    {
        using var responder = Responder("silo-busy");
        using var client = new UdpProbeClient();
        var target = new IPEndPoint(IPAddress.Loopback, responder.Port);
        Assert.True(await client.ProbeAsync(target, "silo-busy", Timeout)); // both threads are up

        using var saturation = ThreadPoolSaturation.Start();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            var answer = client.ProbeAsync(target, "silo-busy", Timeout);
            // A blocking wait on the task's handle, which the probing thread sets itself: awaiting would need the pool.
            var decided = ((IAsyncResult)answer).AsyncWaitHandle.WaitOne(Timeout * 4);
            Assert.True(decided, $"probe {i}: no verdict within {(Timeout * 4).TotalMilliseconds} ms");
            Assert.True(await answer, $"probe {i} counted as a miss after {clock.ElapsedMilliseconds} ms"); // complete: no pool needed
            Assert.True(clock.Elapsed < Timeout, $"probe {i} took {clock.ElapsedMilliseconds} ms");
            Assert.False(saturation.PoolRan, $"probe {i}: the thread pool ran a queued item, so it was not saturated and the test proves nothing");
        }
    }

    private static async Task<bool> ProbeAsync(SiloProbe probe, SiloEntry entry)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        return await probe.ProbeAsync(entry, timeout.Token);
    }

    private static UdpProbeResponder Responder(string siloId) =>
        UdpProbeResponder.TryStart(IPAddress.Loopback, 0, siloId, NullLogger.Instance)
        ?? throw new InvalidOperationException("Could not bind a UDP port on loopback.");
}
