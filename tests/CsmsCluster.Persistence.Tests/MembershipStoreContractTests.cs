using CsmsCluster.Grains.Cluster;

namespace CsmsCluster.Persistence.Tests;

/// <summary>
/// The membership table, identical on both databases: every status change is a compare-and-swap on the cluster
/// version, ages come from the database clock, death needs an expired lease or a quorum of fresh votes from Active
/// unexpired voters. Tests age rows by moving their database timestamps back (no waiting).
/// </summary>
public sealed class MembershipStoreContractTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);
    // Each silo watched by three peers: in the four-silo cases below the majority (3) is reachable and decides.
    private static readonly DeathRule Rule = new(Lease, VoteExpiry: TimeSpan.FromSeconds(20), MinimumVotes: 2, Watchers: 3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Join_InsertJoiningThenActive_BumpsVersionOncePerChangeAndReadsTheRow(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<IMembershipStore>();
        var empty = await store.ReadAsync(Ct);
        Assert.Equal((0L, 0), (empty.Version, empty.Silos.Count));

        Assert.True(await store.TryInsertJoiningAsync(new SiloRegistration("silo-a", "10.0.0.7", 11111, "silo"), 0, Ct));
        var joining = await store.ReadAsync(Ct);
        Assert.Equal((1L, SiloStatus.Joining), (joining.Version, Assert.Single(joining.Silos).Status));
        Assert.True(await store.TryChangeStatusAsync("silo-a", SiloStatus.Joining, SiloStatus.Active, 1, Ct));

        var view = await store.ReadAsync(Ct);
        var silo = Assert.Single(view.Silos);
        Assert.Equal(2, view.Version);
        Assert.Equal(("silo-a", "10.0.0.7", 11111, "silo", SiloStatus.Active, 0L), (silo.SiloId, silo.Address, silo.Port, silo.Role, silo.Status, silo.AcknowledgedVersion));
        Assert.InRange(silo.HeartbeatAge, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.InRange(silo.HeartbeatAt - silo.StartedAt, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task StatusChanges_StaleVersion_AreRejectedAndChangeNothing(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<IMembershipStore>();
        await JoinAsync(store, "silo-a");
        await JoinAsync(store, "silo-b");
        var before = await store.ReadAsync(Ct);

        Assert.False(await store.TryInsertJoiningAsync(Registration("silo-c"), before.Version - 1, Ct));
        Assert.False(await store.TryInsertJoiningAsync(Registration("silo-c"), 0, Ct));
        Assert.False(await store.TryChangeStatusAsync("silo-a", SiloStatus.Active, SiloStatus.ShuttingDown, before.Version - 1, Ct));
        await BackdateAsync(storage, "membership_silos", "heartbeat_at", "silo_id = 'silo-b'", TimeSpan.FromMinutes(1));
        Assert.Equal(DeathDeclarationResult.VersionConflict, await store.TryDeclareDeadAsync("silo-b", Rule, before.Version + 1, Ct));

        var after = await store.ReadAsync(Ct);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal([SiloStatus.Active, SiloStatus.Active], after.Silos.Select(s => s.Status));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TryChangeStatus_ConcurrentChangesOnOneVersion_ExactlyOneWins(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<IMembershipStore>();
        var silos = Enumerable.Range(0, 6).Select(i => $"silo-{i}").ToList();
        foreach (var silo in silos)
        {
            await JoinAsync(store, silo);
        }

        var version = (await store.ReadAsync(Ct)).Version;
        var nodes = silos.Select(_ => storage.AddNode().GetRequiredService<IMembershipStore>()).ToList();

        var results = await Task.WhenAll(silos.Select((silo, i) => Task.Run(
            () => nodes[i].TryChangeStatusAsync(silo, SiloStatus.Active, SiloStatus.ShuttingDown, version, Ct), Ct)));

        Assert.Single(results, r => r);
        var after = await store.ReadAsync(Ct);
        Assert.Equal(version + 1, after.Version);
        Assert.Single(after.Silos, s => s.Status == SiloStatus.ShuttingDown);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Misuse_ReusedSiloIdOrBackwardsStatus_Throws(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<IMembershipStore>();
        await JoinAsync(store, "silo-a");
        var version = (await store.ReadAsync(Ct)).Version;

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.TryInsertJoiningAsync(Registration("silo-a"), version, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.TryChangeStatusAsync("silo-a", SiloStatus.Active, SiloStatus.Joining, version, Ct));
        Assert.Equal(version, (await store.ReadAsync(Ct)).Version);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Heartbeat_LiveSilo_RenewsInDatabaseTime_DeadSiloLearnsItIsDeadAndIsNotRenewed(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<IMembershipStore>();
        await JoinAsync(store, "silo-a");
        await JoinAsync(store, "silo-b");
        await BackdateAsync(storage, "membership_silos", "heartbeat_at", "silo_id IN ('silo-a', 'silo-b')", TimeSpan.FromSeconds(30));
        var aged = await store.ReadAsync(Ct);
        Assert.All(aged.Silos, s => Assert.InRange(s.HeartbeatAge, TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(35)));

        Assert.Equal(SiloStatus.Active, store.Heartbeat("silo-a"));
        Assert.Equal(DeathDeclarationResult.Declared, await store.TryDeclareDeadAsync("silo-b", Rule, aged.Version, Ct));
        Assert.Equal(SiloStatus.Dead, store.Heartbeat("silo-b"));
        Assert.Null(store.Heartbeat("silo-never-joined"));

        var after = await store.ReadAsync(Ct);
        Assert.InRange(after.Find("silo-a")!.HeartbeatAge, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.InRange(after.Find("silo-b")!.HeartbeatAge, TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(35));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TryDeclareDead_LeaseExpiredInDatabaseTime_Declares_FreshLeaseWithoutVotes_DoesNot(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<IMembershipStore>();
        await JoinAsync(store, "silo-a");
        await JoinAsync(store, "silo-b");
        await BackdateAsync(storage, "membership_silos", "heartbeat_at", "silo_id = 'silo-b'", Lease - TimeSpan.FromSeconds(3));
        var version = (await store.ReadAsync(Ct)).Version;

        Assert.Equal(DeathDeclarationResult.NotEnoughEvidence, await store.TryDeclareDeadAsync("silo-b", Rule, version, Ct));
        Assert.Equal(DeathDeclarationResult.NotFound, await store.TryDeclareDeadAsync("silo-x", Rule, version, Ct));
        Assert.Equal(version, (await store.ReadAsync(Ct)).Version);

        await BackdateAsync(storage, "membership_silos", "heartbeat_at", "silo_id = 'silo-b'", TimeSpan.FromSeconds(4));
        Assert.Equal(DeathDeclarationResult.Declared, await store.TryDeclareDeadAsync("silo-b", Rule, version, Ct));
        Assert.Equal(DeathDeclarationResult.AlreadyDead, await store.TryDeclareDeadAsync("silo-b", Rule, version + 1, Ct));
        var after = await store.ReadAsync(Ct);
        Assert.Equal((version + 1, SiloStatus.Dead, SiloStatus.Active), (after.Version, after.Find("silo-b")!.Status, after.Find("silo-a")!.Status));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TryDeclareDead_TwoSilosVotingAgainstEachOther_OnlyTheOneRankedFirstMayDeclareTheOtherDead(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<IMembershipStore>();
        await JoinAsync(store, "silo-a");
        await JoinAsync(store, "silo-b");
        var version = (await store.ReadAsync(Ct)).Version;

        // One vote alone is never enough in a two-silo cluster.
        Assert.True(await store.VoteAsync("silo-b", "silo-a", Ct));
        Assert.False(await store.VoteAsync("silo-a", "silo-a", Ct));
        Assert.Equal(DeathDeclarationResult.NotEnoughEvidence, await store.TryDeclareDeadAsync("silo-b", Rule, version, Ct));

        // Mutual suspicion: a (started first) may declare b dead; b may never declare a dead.
        Assert.True(await store.VoteAsync("silo-a", "silo-b", Ct));
        Assert.Equal(DeathDeclarationResult.NotEnoughEvidence, await store.TryDeclareDeadAsync("silo-a", Rule, version, Ct));
        Assert.Equal(DeathDeclarationResult.Declared, await store.TryDeclareDeadAsync("silo-b", Rule, version, Ct));
        Assert.Equal([SiloStatus.Active, SiloStatus.Dead], (await store.ReadAsync(Ct)).Silos.Select(s => s.Status));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TryDeclareDead_MutualSuspicion_WithThreeLiveMembers_SeniorityDecidesNothing(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<IMembershipStore>();
        var version = await JoinAllAsync(store, "silo-a", "silo-b", "silo-c");

        // a (the oldest) and b suspect each other; c is live: one vote is not the quorum of 2, whatever a's seniority.
        Assert.True(await store.VoteAsync("silo-b", "silo-a", Ct));
        Assert.True(await store.VoteAsync("silo-a", "silo-b", Ct));
        Assert.Equal(DeathDeclarationResult.NotEnoughEvidence, await store.TryDeclareDeadAsync("silo-b", Rule, version, Ct));
        Assert.All((await store.ReadAsync(Ct)).Silos, s => Assert.Equal(SiloStatus.Active, s.Status));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TryDeclareDead_MutualSuspicion_StaleVotesDoNotCount(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<IMembershipStore>();
        await JoinAsync(store, "silo-a");
        await JoinAsync(store, "silo-b");
        Assert.True(await store.VoteAsync("silo-b", "silo-a", Ct));
        Assert.True(await store.VoteAsync("silo-a", "silo-b", Ct));
        await BackdateAsync(storage, "membership_votes", "voted_at", "voter_id = 'silo-b'", Rule.VoteExpiry + TimeSpan.FromSeconds(1));
        var version = (await store.ReadAsync(Ct)).Version;

        Assert.Equal(DeathDeclarationResult.NotEnoughEvidence, await store.TryDeclareDeadAsync("silo-b", Rule, version, Ct));
        Assert.All((await store.ReadAsync(Ct)).Silos, s => Assert.Equal(SiloStatus.Active, s.Status));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TryDeclareDead_ThreeSilos_TwoFreshVotesKill_OneDoesNot(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<IMembershipStore>();
        var version = await JoinAllAsync(store, "silo-a", "silo-b", "silo-c");

        Assert.True(await store.VoteAsync("silo-a", "silo-b", Ct));
        Assert.Equal(DeathDeclarationResult.NotEnoughEvidence, await store.TryDeclareDeadAsync("silo-a", Rule, version, Ct));
        Assert.True(await store.VoteAsync("silo-a", "silo-c", Ct));
        Assert.Equal(DeathDeclarationResult.Declared, await store.TryDeclareDeadAsync("silo-a", Rule, version, Ct));

        var after = await store.ReadAsync(Ct);
        Assert.Equal([SiloStatus.Dead, SiloStatus.Active, SiloStatus.Active], after.Silos.Select(s => s.Status));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TryDeclareDead_FiveSilosEachWatchedByTwo_TheTwoWatchersVotesKill_OneDoesNot(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<IMembershipStore>();
        var version = await JoinAllAsync(store, "silo-a", "silo-b", "silo-c", "silo-d", "silo-e");
        // Only a silo's two watchers probe it, so the majority of five (3) could never be reached: two votes are the
        // quorum, and a crashed silo is declared dead without waiting for its lease.
        var watchedByTwo = Rule with { Watchers = 2 };

        Assert.True(await store.VoteAsync("silo-a", "silo-b", Ct));
        Assert.Equal(DeathDeclarationResult.NotEnoughEvidence, await store.TryDeclareDeadAsync("silo-a", watchedByTwo, version, Ct));
        Assert.True(await store.VoteAsync("silo-a", "silo-c", Ct));
        Assert.Equal(DeathDeclarationResult.NotEnoughEvidence, await store.TryDeclareDeadAsync("silo-a", Rule, version, Ct));
        Assert.Equal(DeathDeclarationResult.Declared, await store.TryDeclareDeadAsync("silo-a", watchedByTwo, version, Ct));

        Assert.Equal([SiloStatus.Dead, SiloStatus.Active, SiloStatus.Active, SiloStatus.Active, SiloStatus.Active],
            (await store.ReadAsync(Ct)).Silos.Select(s => s.Status));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TryDeclareDead_VotesFromDeadOrExpiredVotersOrOldVotes_DoNotCount(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<IMembershipStore>();
        foreach (var silo in new[] { "silo-a", "silo-b", "silo-c", "silo-d" })
        {
            await JoinAsync(store, silo);
        }

        // Four Active silos, each watched by three: the quorum is 3. b and c vote against a; d voted long ago.
        Assert.True(await store.VoteAsync("silo-a", "silo-b", Ct));
        Assert.True(await store.VoteAsync("silo-a", "silo-c", Ct));
        Assert.True(await store.VoteAsync("silo-a", "silo-d", Ct));
        await BackdateAsync(storage, "membership_votes", "voted_at", "voter_id = 'silo-d'", Rule.VoteExpiry + TimeSpan.FromSeconds(1));
        var version = (await store.ReadAsync(Ct)).Version;
        Assert.Equal(DeathDeclarationResult.NotEnoughEvidence, await store.TryDeclareDeadAsync("silo-a", Rule, version, Ct));

        // c leaves (Dead): its vote no longer counts, and it cannot vote again.
        Assert.True(await store.TryChangeStatusAsync("silo-c", SiloStatus.Active, SiloStatus.Dead, version, Ct));
        Assert.False(await store.VoteAsync("silo-a", "silo-c", Ct));
        Assert.True(await store.VoteAsync("silo-a", "silo-d", Ct));
        version++;
        // Three Active silos now (quorum 2): b and d count; then d's lease expires in database time and b alone is not enough.
        await BackdateAsync(storage, "membership_silos", "heartbeat_at", "silo_id = 'silo-d'", Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(DeathDeclarationResult.NotEnoughEvidence, await store.TryDeclareDeadAsync("silo-a", Rule, version, Ct));
        Assert.Equal(SiloStatus.Active, store.Heartbeat("silo-d"));
        Assert.Equal(DeathDeclarationResult.Declared, await store.TryDeclareDeadAsync("silo-a", Rule, version, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Leave_ActiveToShuttingDownToDead_WithoutWaitingForTheLease(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<IMembershipStore>();
        await JoinAsync(store, "silo-a");
        var version = (await store.ReadAsync(Ct)).Version;

        Assert.True(await store.TryChangeStatusAsync("silo-a", SiloStatus.Active, SiloStatus.ShuttingDown, version, Ct));
        Assert.False(await store.TryChangeStatusAsync("silo-a", SiloStatus.Active, SiloStatus.Dead, version + 1, Ct));
        Assert.True(await store.TryChangeStatusAsync("silo-a", SiloStatus.ShuttingDown, SiloStatus.Dead, version + 1, Ct));

        var after = await store.ReadAsync(Ct);
        Assert.Equal((version + 2, SiloStatus.Dead), (after.Version, Assert.Single(after.Silos).Status));
        Assert.True(after.Silos[0].HeartbeatAge < Lease);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Acknowledge_RecordsTheVersion_AndNeverMovesBackwards(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<IMembershipStore>();
        await JoinAsync(store, "silo-a");

        await store.AcknowledgeAsync("silo-a", 2, Ct);
        await store.AcknowledgeAsync("silo-a", 1, Ct);

        var after = await store.ReadAsync(Ct);
        Assert.Equal((2L, 2L), (after.Version, after.Silos[0].AcknowledgedVersion));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RemoveDead_DeletesOnlyDeadRowsOlderThanRetention_AndVotesAboutThem(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<IMembershipStore>();
        foreach (var silo in new[] { "silo-a", "silo-b", "silo-c", "silo-d" })
        {
            await JoinAsync(store, silo);
        }

        Assert.True(await store.VoteAsync("silo-b", "silo-a", Ct));
        var version = (await store.ReadAsync(Ct)).Version;
        Assert.True(await store.TryChangeStatusAsync("silo-b", SiloStatus.Active, SiloStatus.Dead, version, Ct));
        Assert.True(await store.TryChangeStatusAsync("silo-c", SiloStatus.Active, SiloStatus.Dead, version + 1, Ct));
        await BackdateAsync(storage, "membership_silos", "status_changed_at", "silo_id = 'silo-b'", TimeSpan.FromHours(2));
        await BackdateAsync(storage, "membership_silos", "heartbeat_at", "silo_id = 'silo-d'", TimeSpan.FromHours(2));

        Assert.Equal(1, await store.RemoveDeadAsync(TimeSpan.FromHours(1), Ct));

        var after = await store.ReadAsync(Ct);
        Assert.Equal(["silo-a", "silo-c", "silo-d"], after.Silos.Select(s => s.SiloId));
        Assert.Equal(0, await storage.ScalarAsync("SELECT count(*) FROM membership_votes"));
        Assert.Equal(0, await store.RemoveDeadAsync(TimeSpan.FromHours(1), Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Join_AfterFullCrash_ExpiredActiveRowsAreDeclaredDeadFirst_AndDoNotBlockTheNewSilo(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<IMembershipStore>();
        foreach (var silo in new[] { "old-1", "old-2", "old-3" })
        {
            await JoinAsync(store, silo);
        }

        // Every silo crashed a minute ago; nobody is left to vote. A new process starts with a new id.
        await BackdateAsync(storage, "membership_silos", "heartbeat_at", "silo_id LIKE 'old-%'", TimeSpan.FromMinutes(1));
        var restarted = storage.AddNode().GetRequiredService<IMembershipStore>();
        var snapshot = await restarted.ReadAsync(Ct);
        foreach (var expired in snapshot.Silos.Where(s => s.Status != SiloStatus.Dead && s.HeartbeatAge > Lease))
        {
            Assert.Equal(DeathDeclarationResult.Declared, await restarted.TryDeclareDeadAsync(expired.SiloId, Rule, snapshot.Version, Ct));
            snapshot = await restarted.ReadAsync(Ct);
        }

        await JoinAsync(restarted, "new-1");

        var after = await restarted.ReadAsync(Ct);
        Assert.Equal(["new-1"], after.Silos.Where(s => s.Status == SiloStatus.Active).Select(s => s.SiloId));
        Assert.Equal(3, after.Silos.Count(s => s.Status == SiloStatus.Dead));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Read_TwoServicesInOneDatabase_SeeOnlyTheirOwnSilos(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var other = storage.AddNode(o => o.ServiceId = "other-service").GetRequiredService<IMembershipStore>();
        await JoinAsync(storage.Get<IMembershipStore>(), "silo-a");
        await JoinAsync(other, "silo-z");

        Assert.Equal(["silo-a"], (await storage.Get<IMembershipStore>().ReadAsync(Ct)).Silos.Select(s => s.SiloId));
        Assert.Equal(["silo-z"], (await other.ReadAsync(Ct)).Silos.Select(s => s.SiloId));
    }

    private static SiloRegistration Registration(string id) => new(id, "127.0.0.1", 11111, "silo");

    /// <summary>
    /// The heartbeat has a connection of its own: asynchronous membership calls that stalled while holding every pooled
    /// membership connection (their continuations queued behind an overloaded thread pool) do not hold it up.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Heartbeat_EveryMembershipConnectionHeldElsewhere_StillRenewsAtOnce(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<IMembershipStore>();
        await JoinAsync(store, "silo-a");
        var database = storage.Get<StorageDatabase>();
        var held = new List<System.Data.Common.DbConnection>();
        try
        {
            // More than the membership pool holds (4 on PostgreSQL): the last opens only if the pool is not exhausted,
            // so hold what opens within a short wait.
            for (var i = 0; i < 8; i++)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(Ct);
                wait.CancelAfter(TimeSpan.FromMilliseconds(500));
                try
                {
                    held.Add(await database.OpenControlConnectionAsync(wait.Token));
                }
                catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
                {
                    break; // exhausted
                }
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var status = await Task.Run(() => store.Heartbeat("silo-a"), Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);

            Assert.Equal(SiloStatus.Active, status);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the heartbeat took {clock.ElapsedMilliseconds} ms with {held.Count} membership connections held");
        }
        finally
        {
            foreach (var connection in held)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task JoinAsync(IMembershipStore store, string siloId)
    {
        var version = (await store.ReadAsync(Ct)).Version;
        Assert.True(await store.TryInsertJoiningAsync(Registration(siloId), version, Ct), $"insert {siloId} at version {version}");
        Assert.True(await store.TryChangeStatusAsync(siloId, SiloStatus.Joining, SiloStatus.Active, version + 1, Ct), $"activate {siloId}");
    }

    /// <summary>Joins and activates each silo in order; returns the table version after the last.</summary>
    private static async Task<long> JoinAllAsync(IMembershipStore store, params string[] siloIds)
    {
        foreach (var siloId in siloIds)
        {
            await JoinAsync(store, siloId);
        }

        return (await store.ReadAsync(Ct)).Version;
    }

    /// <summary>Moves a timestamp column back by <paramref name="age"/> (the database clock itself cannot be moved).</summary>
    private static Task BackdateAsync(TestStorage storage, string table, string column, string where, TimeSpan age)
    {
        var ms = (long)age.TotalMilliseconds;
        var value = storage.IsSqlite ? $"{column} - {ms}" : $"{column} - interval '{ms} milliseconds'";
        return storage.ExecuteAsync($"UPDATE {table} SET {column} = {value} WHERE {where}");
    }
}
