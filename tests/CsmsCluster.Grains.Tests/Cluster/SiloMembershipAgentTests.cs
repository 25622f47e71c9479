using CsmsCluster.Grains.Cluster;

namespace CsmsCluster.Grains.Tests.Cluster;

/// <summary>
/// The membership agent against the in-memory table: join, view, lease fencing on the silo's own clock, votes from a
/// fake probe (the transport's probe does not exist yet), leave. The database clock and each silo's clock are
/// separate manual clocks, so no test sleeps.
/// </summary>
public sealed class SiloMembershipAgentTests
{
    private static readonly GrainId[] Grains = [.. Enumerable.Range(0, 200).Select(i => new GrainId("charge-point", $"AG-{i}"))];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_ThreeSilos_AllAdoptOneSettledViewAndAgreeOnEveryOwner()
    {
        var store = new InMemoryMembershipStore(new ManualTimeProvider());
        await using var a = await TestClusterSilo.StartAsync(store, "silo-a");
        await using var b = await TestClusterSilo.StartAsync(store, "silo-b");
        await using var c = await TestClusterSilo.StartAsync(store, "silo-c");

        foreach (var silo in new[] { a, b, c, a, b, c })
        {
            await silo.Agent.RefreshAsync(Ct);
        }

        var version = (await store.ReadAsync(Ct)).Version;
        foreach (var silo in new[] { a, b, c })
        {
            Assert.Equal(SiloAgentState.Active, silo.Agent.State);
            Assert.Equal((version, true), (silo.Agent.Current!.Version, silo.Agent.Current.IsSettled));
            Assert.Equal(["silo-a", "silo-b", "silo-c"], silo.Agent.Current.ActiveSiloIds);
        }

        Assert.All((await store.ReadAsync(Ct)).Silos, s => Assert.Equal(version, s.AcknowledgedVersion));
        foreach (var grain in Grains)
        {
            var owners = new[] { a, b, c }.Where(s => s.Placement.CanActivate(grain)).Select(s => s.Id).ToList();
            Assert.Equal([a.Placement.Owner(grain)!.SiloId], owners);
        }
    }

    [Fact]
    public async Task View_NewSiloJoined_IsNotSettledUntilEveryLiveSiloAcknowledged()
    {
        var store = new InMemoryMembershipStore(new ManualTimeProvider());
        await using var a = await TestClusterSilo.StartAsync(store, "silo-a");
        await using var b = await TestClusterSilo.StartAsync(store, "silo-b");
        await a.Agent.RefreshAsync(Ct);
        await using var c = await TestClusterSilo.StartAsync(store, "silo-c");

        await a.Agent.RefreshAsync(Ct);
        Assert.False(a.Agent.Current!.IsSettled);
        var ownedByA = Grains.First(g => a.Placement.IsLocal(g));
        Assert.False(a.Placement.CanActivate(ownedByA));

        await b.Agent.RefreshAsync(Ct);
        await a.Agent.RefreshAsync(Ct);
        Assert.True(a.Agent.Current!.IsSettled);
        Assert.True(a.Placement.CanActivate(ownedByA));
    }

    [Fact]
    public async Task Start_AfterFullCrash_ExpiredActiveRowsAreDeclaredDeadAndTheSiloJoinsAlone()
    {
        var database = new ManualTimeProvider();
        var store = new InMemoryMembershipStore(database);
        store.AddActive("crashed-1");
        store.AddActive("crashed-2");
        database.Advance(TimeSpan.FromMinutes(1));

        await using var restarted = await TestClusterSilo.StartAsync(store, "silo-new");

        var snapshot = await store.ReadAsync(Ct);
        Assert.Equal([SiloStatus.Dead, SiloStatus.Dead, SiloStatus.Active], snapshot.Silos.Select(s => s.Status));
        Assert.Equal(["silo-new"], restarted.Agent.Current!.ActiveSiloIds);
        Assert.True(restarted.Agent.Current.IsSettled);
    }

    [Fact]
    public async Task Lease_DatabaseUnreachable_FencesExactlyWhenTheLeaseRunsOutOnTheSilosClock()
    {
        var store = new InMemoryMembershipStore(new ManualTimeProvider());
        await using var silo = await TestClusterSilo.StartAsync(store, "silo-a");
        Assert.True(silo.Placement.IsLocal(Grains[0]));
        store.Unreachable = true;

        silo.Clock.Advance(silo.Options.LeaseDuration - TimeSpan.FromMilliseconds(1));
        Assert.Equal(SiloAgentState.Active, silo.Agent.State);
        Assert.Empty(silo.Fence.Reasons);

        silo.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(SiloAgentState.Fenced, silo.Agent.State);
        Assert.Contains("lease", Assert.Single(silo.Fence.Reasons), StringComparison.Ordinal);
        Assert.True(silo.Agent.Fenced.IsCancellationRequested);
        Assert.Null(silo.Agent.Current);
        Assert.False(silo.Placement.IsLocal(Grains[0]));
    }

    [Fact]
    public async Task Lease_RenewedByEveryHeartbeat_NeverFences()
    {
        var store = new InMemoryMembershipStore(new ManualTimeProvider());
        await using var silo = await TestClusterSilo.StartAsync(store, "silo-a");

        for (var beat = 1; beat <= 12; beat++)
        {
            var before = store.Heartbeats;
            silo.Clock.Advance(silo.Options.HeartbeatInterval);
            await Eventually.WaitAsync(() => store.Heartbeats > before, TimeSpan.FromSeconds(10), $"heartbeat {beat} to be written");
        }

        Assert.Equal(SiloAgentState.Active, silo.Agent.State);
        Assert.Empty(silo.Fence.Reasons);
    }

    /// <summary>
    /// A heartbeat that fails because the node is stopping (its connection closed under it) is not a failure, and
    /// nothing it throws escapes the heartbeat thread: an exception there would end the process.
    /// </summary>
    [Fact]
    public async Task Heartbeat_ThrowingWhileTheAgentStops_TheThreadEndsQuietlyAndTheStopCompletes()
    {
        var store = new InMemoryMembershipStore(new ManualTimeProvider());
        var silo = await TestClusterSilo.StartAsync(store, "silo-a");
        using var inHeartbeat = new ManualResetEventSlim(false);
        using var release = new ManualResetEventSlim(false);
        store.BeforeHeartbeat = () =>
        {
            inHeartbeat.Set();
            release.Wait(TimeSpan.FromSeconds(10));
            throw new InvalidOperationException("The connection was closed while the node stopped.");
        };
        silo.Clock.Advance(silo.Options.HeartbeatInterval);
        Assert.True(inHeartbeat.Wait(TimeSpan.FromSeconds(10), Ct), "the heartbeat thread's next beat");

        var stopping = silo.DisposeAsync().AsTask();
        release.Set();

        // Had the exception escaped its thread, the test host would have ended here.
        await stopping.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.True(stopping.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Heartbeat_SiloDeclaredDeadByPeers_FencesAtOnce()
    {
        var database = new ManualTimeProvider();
        var store = new InMemoryMembershipStore(database);
        await using var a = await TestClusterSilo.StartAsync(store, "silo-a");
        await using var b = await TestClusterSilo.StartAsync(store, "silo-b");
        database.Advance(a.Options.LeaseExpiry + TimeSpan.FromSeconds(1));
        a.Agent.Heartbeat();

        await a.Agent.RefreshAsync(Ct);
        Assert.Equal(["silo-a"], a.Agent.Current!.ActiveSiloIds);
        Assert.Empty(b.Fence.Reasons);

        b.Agent.Heartbeat();
        Assert.Equal(SiloAgentState.Fenced, b.Agent.State);
        Assert.Contains("dead", Assert.Single(b.Fence.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_PeerSilentToTwoOfThree_IsVotedDeadOnlyOnceTheQuorumIsReached()
    {
        var store = new InMemoryMembershipStore(new ManualTimeProvider());
        await using var a = await TestClusterSilo.StartAsync(store, "silo-a");
        await using var b = await TestClusterSilo.StartAsync(store, "silo-b");
        await using var c = await TestClusterSilo.StartAsync(store, "silo-c");
        a.Probe.Unreachable.Add("silo-c");
        b.Probe.Unreachable.Add("silo-c");

        await a.ProbeRoundsAsync(a.Options.MissedProbesForVote + 2);
        Assert.Equal(SiloStatus.Active, (await store.ReadAsync(Ct)).Find("silo-c")!.Status);

        await b.ProbeRoundsAsync(b.Options.MissedProbesForVote - 1);
        Assert.Equal(SiloStatus.Active, (await store.ReadAsync(Ct)).Find("silo-c")!.Status);
        await b.ProbeRoundsAsync(1);

        Assert.Equal(SiloStatus.Dead, (await store.ReadAsync(Ct)).Find("silo-c")!.Status);
        Assert.Equal(["silo-a", "silo-b"], b.Agent.Current!.ActiveSiloIds);
        c.Agent.Heartbeat();
        Assert.Equal(SiloAgentState.Fenced, c.Agent.State);
        Assert.Empty(a.Fence.Reasons);
        Assert.Empty(b.Fence.Reasons);
    }

    [Fact]
    public async Task Probe_TwoSilosThatCannotReachEachOther_ExactlyOneSurvives()
    {
        var store = new InMemoryMembershipStore(new ManualTimeProvider());
        await using var a = await TestClusterSilo.StartAsync(store, "silo-a");
        await using var b = await TestClusterSilo.StartAsync(store, "silo-b");
        a.Probe.Unreachable.Add("silo-b");
        b.Probe.Unreachable.Add("silo-a");

        for (var round = 0; round < 3 * a.Options.MissedProbesForVote; round++)
        {
            await a.ProbeRoundsAsync(1);
            await b.ProbeRoundsAsync(1);
        }

        // Both suspect each other; the one that started first declares the other dead, which fences at its next heartbeat.
        b.Agent.Heartbeat();
        Assert.Equal([SiloStatus.Active, SiloStatus.Dead], (await store.ReadAsync(Ct)).Silos.Select(s => s.Status));
        Assert.Equal((SiloAgentState.Active, SiloAgentState.Fenced), (a.Agent.State, b.Agent.State));
    }

    [Fact]
    public async Task Leave_ShuttingDownWhileDraining_ThenDeadWithoutWaitingForTheLease()
    {
        var store = new InMemoryMembershipStore(new ManualTimeProvider());
        await using var a = await TestClusterSilo.StartAsync(store, "silo-a");
        await using var b = await TestClusterSilo.StartAsync(store, "silo-b");
        SiloStatus? statusWhileDraining = null;
        bool? ownedAnythingWhileDraining = null;

        await b.Agent.LeaveAsync(
            async ct =>
            {
                statusWhileDraining = (await store.ReadAsync(ct)).Find("silo-b")!.Status;
                ownedAnythingWhileDraining = Grains.Any(b.Placement.IsLocal);
            },
            Ct);

        Assert.Equal((SiloStatus.ShuttingDown, false), (statusWhileDraining, ownedAnythingWhileDraining));
        Assert.Equal(SiloStatus.Dead, (await store.ReadAsync(Ct)).Find("silo-b")!.Status);
        Assert.Equal(SiloAgentState.Left, b.Agent.State);
        Assert.Empty(b.Fence.Reasons);
        await a.Agent.RefreshAsync(Ct);
        Assert.Equal(["silo-a"], a.Agent.Current!.ActiveSiloIds);
        Assert.All(Grains, g => Assert.True(a.Placement.IsLocal(g)));
    }

    /// <summary>
    /// A silent peer is declared dead just after its lease expires on the database clock, not up to a probe interval
    /// later: the agent reads the table again at that moment (every node computes it from the same ages).
    /// </summary>
    [Fact]
    public async Task Rounds_APeersLeaseExpiresBetweenProbeRounds_ItIsDeclaredDeadAtOnce()
    {
        var database = new ManualTimeProvider();
        var store = new InMemoryMembershipStore(database);
        await using var a = await TestClusterSilo.StartAsync(store, "silo-a");
        await using var b = await TestClusterSilo.StartAsync(store, "silo-b");
        var c = await TestClusterSilo.StartAsync(store, "silo-c");
        await c.Agent.DisposeAsync(); // crashed: its row stays Active and its heartbeat ages
        var expiry = a.Options.LeaseExpiry;

        database.Advance(expiry - TimeSpan.FromMilliseconds(500));
        a.Agent.Heartbeat();
        b.Agent.Heartbeat();
        a.Clock.Advance(a.Options.ProbeInterval); // a probe round: c has 500 ms of lease left
        await Eventually.WaitAsync(() => a.Agent.Current is { ActiveSiloIds.Count: 3 }, TimeSpan.FromSeconds(10), "a's probe round");
        database.Advance(TimeSpan.FromMilliseconds(600));
        a.Agent.Heartbeat();
        b.Agent.Heartbeat();

        a.Clock.Advance(TimeSpan.FromMilliseconds(530)); // well before the next probe round
        await Eventually.WaitAsync(
            () => a.Agent.Current is { } view && !view.IsActive("silo-c"),
            TimeSpan.FromSeconds(10),
            "silo-c declared dead just after its lease expired, before a's next probe round");

        Assert.Equal(SiloStatus.Dead, (await store.ReadAsync(Ct)).Find("silo-c")!.Status);
    }

    /// <summary>
    /// An owner whose view waits for a peer's acknowledgement sees it settle within 100 ms of that acknowledgement,
    /// not at its next probe round: activations of the grains the view moved are waiting for exactly that.
    /// </summary>
    [Fact]
    public async Task Rounds_UnsettledView_IsReadAgainWithin100MsAndSettles()
    {
        var store = new InMemoryMembershipStore(new ManualTimeProvider());
        await using var a = await TestClusterSilo.StartAsync(store, "silo-a");
        await using var b = await TestClusterSilo.StartAsync(store, "silo-b");
        await a.Agent.RefreshAsync(Ct);
        await using var c = await TestClusterSilo.StartAsync(store, "silo-c");
        a.Clock.Advance(a.Options.ProbeInterval); // a's probe round adopts the view with c, which b has not acknowledged
        await Eventually.WaitAsync(() => a.Agent.Current is { ActiveSiloIds.Count: 3, IsSettled: false }, TimeSpan.FromSeconds(10), "a's unsettled view of three");

        await b.Agent.RefreshAsync(Ct); // b acknowledges
        a.Clock.Advance(TimeSpan.FromMilliseconds(100));

        await Eventually.WaitAsync(() => a.Agent.Current is { ActiveSiloIds.Count: 3, IsSettled: true }, TimeSpan.FromSeconds(10), "a's view settled 100 ms after b acknowledged it");
    }

    [Fact]
    public async Task Start_SiloIdAlreadyInTable_FailsWithoutTouchingIt()
    {
        var store = new InMemoryMembershipStore(new ManualTimeProvider());
        await using var a = await TestClusterSilo.StartAsync(store, "silo-a");
        await using var twin = new TestClusterSilo(store, "silo-a");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => twin.Agent.StartAsync(Ct));
        Assert.Contains("silo-a", error.Message, StringComparison.Ordinal);
        Assert.Equal(SiloStatus.Active, Assert.Single((await store.ReadAsync(Ct)).Silos).Status);
    }
}
