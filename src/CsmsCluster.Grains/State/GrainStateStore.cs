using System.Diagnostics;
using CsmsCluster.Grains.Activations;
using CsmsCluster.Grains.Telemetry;

namespace CsmsCluster.Grains.State;

/// <summary>
/// One activation's side of version fencing (G2): holds the version it claimed, writes name it, and the first
/// conflict makes the activation stale: the error reaches the caller, the activation deactivates, and it never
/// writes again. A fenced activation never writes either.
/// </summary>
internal sealed class GrainStateStore(GrainActivation activation, ActivationServices services)
{
    // An [AlwaysInterleave] method may write while a turn awaits its own write: both would name the same version and
    // the second would be refused as stale. Writes of one activation therefore go one at a time, each serialising the
    // state as it is when its turn comes (so it includes the earlier writer's changes).
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private long _version;
    private bool _claimed;
    private volatile bool _stale;
    private volatile bool _fenced;

    public bool IsStale => _stale;

    /// <summary>Refuses every later write (the silo lost its lease).</summary>
    public void Fence() => _fenced = true;

    public async Task<TState?> ClaimAsync<TState>(CancellationToken cancellationToken)
        where TState : class
    {
        var storage = RequireStorage(typeof(TState));
        var started = services.TimeProvider.GetTimestamp();
        using var activity = StartActivity("storage read");
        var record = await storage.ClaimAsync(activation.GrainId, cancellationToken);
        RecordLatency("claim", started);
        _version = record.Version;
        _claimed = true;
        return record.Payload is null ? null : services.Serializer.Deserialize<TState>(record.Payload);
    }

    public async Task WriteAsync<TState>(TState state, CancellationToken cancellationToken)
        where TState : class
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var storage = RequireWritable(typeof(TState));
            var payload = services.Serializer.Serialize(state);
            var started = services.TimeProvider.GetTimestamp();
            using var activity = StartActivity("storage write");
            _version = await GuardAsync(() => storage.WriteAsync(activation.GrainId, payload, _version, cancellationToken));
            RecordLatency("write", started);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var storage = RequireWritable(stateType: null);
            var started = services.TimeProvider.GetTimestamp();
            using var activity = StartActivity("storage write");
            _version = await GuardAsync(() => storage.ClearAsync(activation.GrainId, _version, cancellationToken));
            RecordLatency("clear", started);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<long> GuardAsync(Func<Task<long>> write)
    {
        try
        {
            return await write();
        }
        catch (InconsistentStateException)
        {
            _stale = true;
            services.Telemetry.StorageConflicts.Add(1);
            services.Logger.StaleActivation(activation.GrainId, _version);
            activation.RequestDeactivation(DeactivationReason.InconsistentState);
            throw;
        }
    }

    private IGrainStorage RequireWritable(Type? stateType)
    {
        if (_fenced)
        {
            throw new GrainUnavailableException($"{activation.GrainId} was fenced; its state can no longer be written.");
        }

        if (_stale)
        {
            throw new InconsistentStateException($"{activation.GrainId} is stale: another activation claimed its state; it must not write again.");
        }

        var storage = RequireStorage(stateType);
        return _claimed
            ? storage
            : throw new InvalidOperationException($"{activation.GrainId} writes state it never claimed; only Grain<TState> has state.");
    }

    private IGrainStorage RequireStorage(Type? stateType) =>
        services.Storage ?? throw new InvalidOperationException(
            $"Grain {activation.GrainId} has state ({stateType?.Name ?? "unknown"}) but no {nameof(IGrainStorage)} is registered. " +
            $"Register one, e.g. services.AddSingleton<{nameof(IGrainStorage)}, {nameof(InMemoryGrainStorage)}>().");

    private void RecordLatency(string operation, long started)
    {
        if (services.Telemetry.StorageDuration.Enabled)
        {
            services.Telemetry.StorageDuration.Record(
                services.TimeProvider.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("operation", operation));
        }
    }

    private Activity? StartActivity(string name) =>
        GrainTelemetry.ActivitySource.StartActivity(name)?.SetTag("grain.id", activation.GrainId.ToString());
}
