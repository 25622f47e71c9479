using CsmsCluster.Grains;
using CsmsCluster.Grains.Cluster;
using CsmsCluster.Grains.Transport;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CsmsCluster.Cluster.Tests;

/// <summary>
/// Fault switches of one test silo, applied by decorators around its membership store, grain storage, probe,
/// outgoing grain calls and fence:
/// <list type="bullet">
/// <item><see cref="DatabaseUnreachable"/>: every membership and grain storage operation fails (isolated from the database).</item>
/// <item><see cref="Block"/>: probes and grain calls to these silos fail as if the network dropped them (partition).</item>
/// <item><see cref="Paused"/>: membership operations and fencing do not happen, as in a stopped process; grain turns
/// already running continue when the test lets them (so a "woken" zombie can attempt its write).</item>
/// </list>
/// </summary>
public sealed class SiloFaults
{
    private readonly HashSet<string> _blocked = [];

    public volatile bool DatabaseUnreachable;

    public volatile bool Paused;

    public void Block(string siloId)
    {
        lock (_blocked)
        {
            _blocked.Add(siloId);
        }
    }

    public void Unblock(string siloId)
    {
        lock (_blocked)
        {
            _blocked.Remove(siloId);
        }
    }

    public bool IsBlocked(string siloId)
    {
        lock (_blocked)
        {
            return _blocked.Contains(siloId);
        }
    }

    /// <summary>Registers the decorators (after AddCsmsPersistence and AddGrainCluster).</summary>
    public void Apply(IServiceCollection services)
    {
        Decorate<IMembershipStore>(services, (inner, _) => new FaultyMembershipStore(inner, this));
        Decorate<IGrainStorage>(services, (inner, _) => new FaultyGrainStorage(inner, this));
        Decorate<ISiloProbe>(services, (inner, _) => new FaultyProbe(inner, this));
        Decorate<IRemoteGrainCallInvoker>(services, (inner, sp) => new FaultyInvoker(inner, this, sp.GetRequiredService<RendezvousPlacement>()));
        Decorate<ISiloFence>(services, (inner, _) => new FaultyFence(inner, this));
    }

    internal void ThrowIfDatabaseUnreachable()
    {
        if (DatabaseUnreachable)
        {
            throw new InvalidOperationException("Test fault: the database is unreachable from this silo.");
        }
    }

    private static void Decorate<T>(IServiceCollection services, Func<T, IServiceProvider, T> decorate)
        where T : class
    {
        var descriptor = services.Last(d => d.ServiceType == typeof(T));
        services.Replace(ServiceDescriptor.Singleton<T>(sp => decorate(Resolve<T>(descriptor, sp), sp)));
    }

    private static T Resolve<T>(ServiceDescriptor descriptor, IServiceProvider sp)
        where T : class =>
        descriptor.ImplementationInstance as T
        ?? (descriptor.ImplementationFactory is { } factory
            ? (T)factory(sp)
            : (T)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));

    private sealed class FaultyMembershipStore(IMembershipStore inner, SiloFaults faults) : IMembershipStore
    {
        public Task<MembershipSnapshot> ReadAsync(CancellationToken cancellationToken) => Guard(() => inner.ReadAsync(cancellationToken));

        public Task<bool> TryInsertJoiningAsync(SiloRegistration silo, long expectedVersion, CancellationToken cancellationToken) =>
            Guard(() => inner.TryInsertJoiningAsync(silo, expectedVersion, cancellationToken));

        public Task<bool> TryChangeStatusAsync(string siloId, SiloStatus from, SiloStatus to, long expectedVersion, CancellationToken cancellationToken) =>
            Guard(() => inner.TryChangeStatusAsync(siloId, from, to, expectedVersion, cancellationToken));

        public SiloStatus? Heartbeat(string siloId)
        {
            faults.ThrowIfDatabaseUnreachable();
            // A stopped process sends nothing: the heartbeat thread waits until the test resumes the silo.
            if (faults.Paused)
            {
                SpinWait.SpinUntil(() => !faults.Paused);
                throw new InvalidOperationException("Test fault: this silo was paused while the heartbeat was due.");
            }

            return inner.Heartbeat(siloId);
        }

        public Task<bool> VoteAsync(string suspectId, string voterId, CancellationToken cancellationToken) =>
            Guard(() => inner.VoteAsync(suspectId, voterId, cancellationToken));

        public Task<DeathDeclarationResult> TryDeclareDeadAsync(string suspectId, DeathRule rule, long expectedVersion, CancellationToken cancellationToken) =>
            Guard(() => inner.TryDeclareDeadAsync(suspectId, rule, expectedVersion, cancellationToken));

        public Task AcknowledgeAsync(string siloId, long version, CancellationToken cancellationToken) =>
            Guard(async () =>
            {
                await inner.AcknowledgeAsync(siloId, version, cancellationToken);
                return true;
            });

        public Task<int> RemoveDeadAsync(TimeSpan retention, CancellationToken cancellationToken) => Guard(() => inner.RemoveDeadAsync(retention, cancellationToken));

        private async Task<T> Guard<T>(Func<Task<T>> operation)
        {
            faults.ThrowIfDatabaseUnreachable();
            if (faults.Paused)
            {
                // A stopped process sends nothing: the operation waits until the test resumes the silo.
                while (faults.Paused)
                {
                    await Task.Delay(20);
                }

                throw new InvalidOperationException("Test fault: this silo was paused while the operation was due.");
            }

            return await operation();
        }
    }

    private sealed class FaultyGrainStorage(IGrainStorage inner, SiloFaults faults) : IGrainStorage
    {
        public Task<GrainStateRecord> ClaimAsync(GrainId grainId, CancellationToken cancellationToken)
        {
            faults.ThrowIfDatabaseUnreachable();
            return inner.ClaimAsync(grainId, cancellationToken);
        }

        public Task<long> WriteAsync(GrainId grainId, ReadOnlyMemory<byte> payload, long expectedVersion, CancellationToken cancellationToken)
        {
            faults.ThrowIfDatabaseUnreachable();
            return inner.WriteAsync(grainId, payload, expectedVersion, cancellationToken);
        }

        public Task<long> ClearAsync(GrainId grainId, long expectedVersion, CancellationToken cancellationToken)
        {
            faults.ThrowIfDatabaseUnreachable();
            return inner.ClearAsync(grainId, expectedVersion, cancellationToken);
        }
    }

    private sealed class FaultyProbe(ISiloProbe inner, SiloFaults faults) : ISiloProbe
    {
        public Task<bool> ProbeAsync(SiloEntry silo, CancellationToken cancellationToken) =>
            faults.IsBlocked(silo.SiloId) ? Task.FromResult(false) : inner.ProbeAsync(silo, cancellationToken);
    }

    private sealed class FaultyInvoker(IRemoteGrainCallInvoker inner, SiloFaults faults, RendezvousPlacement placement) : IRemoteGrainCallInvoker
    {
        public Task<TResult> InvokeAsync<TResult>(GrainCall call, CancellationToken cancellationToken)
        {
            if (placement.Owner(call.Target) is { } owner && faults.IsBlocked(owner.SiloId))
            {
                return Task.FromException<TResult>(new SiloUnreachableException($"Test fault: silo {owner.SiloId} is partitioned from this one.", new InvalidOperationException("partition")));
            }

            return inner.InvokeAsync<TResult>(call, cancellationToken);
        }
    }

    private sealed class FaultyFence(ISiloFence inner, SiloFaults faults) : ISiloFence
    {
        public void Fence(string reason)
        {
            if (!faults.Paused)
            {
                inner.Fence(reason);
            }
        }
    }
}
