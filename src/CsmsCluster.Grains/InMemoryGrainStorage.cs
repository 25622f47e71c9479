namespace CsmsCluster.Grains;

/// <summary>
/// Thread-safe in-process <see cref="IGrainStorage"/> with the same fencing semantics as the database providers:
/// <see cref="ClaimAsync"/> creates the record or bumps its version; writes and clears must name the current
/// version, else <see cref="InconsistentStateException"/>. For tests and for silos whose grains need no durability.
/// </summary>
public sealed class InMemoryGrainStorage : IGrainStorage
{
    private readonly Lock _lock = new();
    private readonly Dictionary<GrainId, GrainStateRecord> _records = [];

    /// <inheritdoc />
    public Task<GrainStateRecord> ClaimAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<GrainStateRecord>(cancellationToken);
        }

        lock (_lock)
        {
            var record = _records.TryGetValue(grainId, out var existing)
                ? existing with { Version = existing.Version + 1 }
                : new GrainStateRecord(null, 1);
            _records[grainId] = record;
            return Task.FromResult(record);
        }
    }

    /// <inheritdoc />
    public Task<long> WriteAsync(GrainId grainId, ReadOnlyMemory<byte> payload, long expectedVersion, CancellationToken cancellationToken) =>
        Replace(grainId, payload.ToArray(), expectedVersion, cancellationToken);

    /// <inheritdoc />
    public Task<long> ClearAsync(GrainId grainId, long expectedVersion, CancellationToken cancellationToken) =>
        Replace(grainId, null, expectedVersion, cancellationToken);

    /// <summary>The stored record (payload copy and version), or null if the grain was never claimed. For tests.</summary>
    public GrainStateRecord? Read(GrainId grainId)
    {
        lock (_lock)
        {
            return _records.TryGetValue(grainId, out var record) ? record with { Payload = record.Payload?.ToArray() } : null;
        }
    }

    private Task<long> Replace(GrainId grainId, byte[]? payload, long expectedVersion, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<long>(cancellationToken);
        }

        lock (_lock)
        {
            if (!_records.TryGetValue(grainId, out var existing) || existing.Version != expectedVersion)
            {
                var actual = existing is null ? "none" : existing.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Task.FromException<long>(new InconsistentStateException(
                    $"State of {grainId} is at version {actual}, not {expectedVersion}: another activation claimed or wrote it."));
            }

            var version = expectedVersion + 1;
            _records[grainId] = new GrainStateRecord(payload, version);
            return Task.FromResult(version);
        }
    }
}
