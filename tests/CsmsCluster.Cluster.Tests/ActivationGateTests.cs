using CsmsCluster.Grains;
using CsmsCluster.Grains.Cluster;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CsmsCluster.Cluster.Tests;

/// <summary>The activation gate: a silo creates an activation only in a settled view that places the grain on it.</summary>
public sealed class ActivationGateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Check_ViewNotSettled_OwnerMustWait_OthersAreNotTheOwner_SettledAllows()
    {
        var placement = new RendezvousPlacement("gate-a");
        Assert.Equal(ActivationPermission.NotOwner, placement.Check(new GrainId("counter", "any"))); // no view yet
        var silos = new[] { Entry("gate-a"), Entry("gate-b") };
        var keys = Enumerable.Range(0, 100).Select(i => new GrainId("counter", $"gate-{i}")).ToList();

        placement.OnNext(new MembershipView(7, silos, IsSettled: false));
        var mine = keys.Where(placement.IsLocal).ToList();
        Assert.NotEmpty(mine);
        Assert.All(mine, id => Assert.Equal(ActivationPermission.NotYet, placement.Check(id)));
        Assert.All(keys.Except(mine), id => Assert.Equal(ActivationPermission.NotOwner, placement.Check(id)));

        placement.OnNext(new MembershipView(8, silos, IsSettled: true));
        Assert.All(mine, id => Assert.Equal(ActivationPermission.Allowed, placement.Check(id)));
        Assert.Equal(8, placement.ViewVersion);

        placement.OnCompleted(); // left or fenced: nothing activates any more
        Assert.All(mine, id => Assert.Equal(ActivationPermission.NotOwner, placement.Check(id)));
    }

    [Fact]
    public async Task UnsettledView_APeerHasNotAcknowledged_NoActivationIsCreatedUntilItHas()
    {
        await using var cluster = await TestCluster.CreateAsync();
        var holds = new Dictionary<string, AcknowledgementHold>();
        cluster.ConfigureSilo = (id, services) =>
        {
            var hold = new AcknowledgementHold();
            holds[id] = hold;
            hold.Decorate(services);
        };
        var a = await cluster.StartSiloAsync();
        var b = await cluster.StartSiloAsync();
        var c = await cluster.StartSiloAsync();
        await Settled.ViewAsync([a, b, c], 3);

        // c stops acknowledging (it still heartbeats, so it stays Active): the view d's join creates never settles.
        holds[c.Id].Held = true;
        var d = await cluster.StartSiloAsync();
        await Eventually.WaitAsync(() => a.Agent.Current is { Hosts.Count: 4, IsSettled: false }, TimeSpan.FromSeconds(10), "a in the four-host view, unsettled");
        var key = Enumerable.Range(0, 200).Select(i => $"unsettled-{i}").First(k => a.Placement.Owner(new GrainId("counter", k))?.SiloId == a.Id);
        var grainId = new GrainId("counter", key);
        Assert.Equal(ActivationPermission.NotYet, a.Placement.Check(grainId));

        var call = a.Grains.GetGrain<ICounterGrain>(key).IncrementAsync();
        await Task.Delay(TimeSpan.FromSeconds(1), Ct); // many settle rechecks (every 20 ms) and membership rounds (every 200 ms)
        Assert.False(call.IsCompleted, "the call must wait while the view is not settled");
        Assert.DoesNotContain(cluster.Activations.Entries, r => r.GrainId == grainId);
        Assert.Equal(ActivationPermission.NotYet, a.Placement.Check(grainId));

        holds[c.Id].Held = false;
        Assert.Equal(1, await call.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        Assert.True(a.Agent.Current!.IsSettled);
        var record = Assert.Single(cluster.Activations.Entries, r => r.GrainId == grainId);
        Assert.Equal(a.Id, record.SiloId);
        Assert.Equal(a.Id, (await d.Grains.GetGrain<ICounterGrain>(key).WhereAsync()).SiloId);
    }

    private static SiloEntry Entry(string id) =>
        new(id, "127.0.0.1", 1, ClusterRoles.Silo, SiloStatus.Active, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, TimeSpan.Zero, AcknowledgedVersion: 0);

    /// <summary>Makes a silo's view acknowledgements fail while <see cref="Held"/>; everything else goes through.</summary>
    private sealed class AcknowledgementHold
    {
        public volatile bool Held;

        public void Decorate(IServiceCollection services)
        {
            var descriptor = services.Last(d => d.ServiceType == typeof(IMembershipStore));
            services.Replace(ServiceDescriptor.Singleton<IMembershipStore>(sp => new Store(
                descriptor.ImplementationInstance as IMembershipStore
                    ?? (IMembershipStore?)descriptor.ImplementationFactory?.Invoke(sp)
                    ?? (IMembershipStore)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!),
                this)));
        }

        private sealed class Store(IMembershipStore inner, AcknowledgementHold hold) : IMembershipStore
        {
            public Task<MembershipSnapshot> ReadAsync(CancellationToken cancellationToken) => inner.ReadAsync(cancellationToken);

            public Task<bool> TryInsertJoiningAsync(SiloRegistration silo, long expectedVersion, CancellationToken cancellationToken) =>
                inner.TryInsertJoiningAsync(silo, expectedVersion, cancellationToken);

            public Task<bool> TryChangeStatusAsync(string siloId, SiloStatus from, SiloStatus to, long expectedVersion, CancellationToken cancellationToken) =>
                inner.TryChangeStatusAsync(siloId, from, to, expectedVersion, cancellationToken);

            public SiloStatus? Heartbeat(string siloId) => inner.Heartbeat(siloId);

            public Task<bool> VoteAsync(string suspectId, string voterId, CancellationToken cancellationToken) => inner.VoteAsync(suspectId, voterId, cancellationToken);

            public Task<DeathDeclarationResult> TryDeclareDeadAsync(string suspectId, DeathRule rule, long expectedVersion, CancellationToken cancellationToken) =>
                inner.TryDeclareDeadAsync(suspectId, rule, expectedVersion, cancellationToken);

            public Task AcknowledgeAsync(string siloId, long version, CancellationToken cancellationToken) =>
                hold.Held
                    ? Task.FromException(new InvalidOperationException("Test fault: this silo's acknowledgement is held back."))
                    : inner.AcknowledgeAsync(siloId, version, cancellationToken);

            public Task<int> RemoveDeadAsync(TimeSpan retention, CancellationToken cancellationToken) => inner.RemoveDeadAsync(retention, cancellationToken);
        }
    }
}
