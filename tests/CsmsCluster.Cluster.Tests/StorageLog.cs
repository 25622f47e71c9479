using System.Collections.Concurrent;
using System.Text.Json;
using CsmsCluster.Grains;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CsmsCluster.Cluster.Tests;

/// <summary>
/// Test-only record of every state write that reached the database (silo, grain, version named, version produced or
/// the error, the counter value written, start and end), from a decorator around each silo's <see cref="IGrainStorage"/>.
/// </summary>
public sealed class StorageLog
{
    private readonly ConcurrentQueue<StateWrite> _writes = new();

    public IReadOnlyCollection<StateWrite> Writes => [.. _writes];

    /// <summary>Wraps the storage registered so far in <paramref name="services"/> (call after AddCsmsPersistence).</summary>
    public void Decorate(string siloId, IServiceCollection services)
    {
        var descriptor = services.Last(d => d.ServiceType == typeof(IGrainStorage));
        services.Replace(ServiceDescriptor.Singleton<IGrainStorage>(sp => new LoggingStorage(
            descriptor.ImplementationInstance as IGrainStorage
                ?? (IGrainStorage?)descriptor.ImplementationFactory?.Invoke(sp)
                ?? (IGrainStorage)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!),
            this,
            siloId)));
    }

    /// <summary>Accepted writes that started when their silo had no live activation of the grain (fenced, moved or never).</summary>
    public IReadOnlyList<StateWrite> AcceptedOutsideAnyActivation(ActivationLog activations)
    {
        var bySilo = activations.Entries.ToLookup(e => (e.GrainId, e.SiloId));
        return [.. _writes.Where(w => w.Accepted && !bySilo[(w.Grain, w.SiloId)].Any(e => e.Start <= w.Start && (e.End is not { } end || w.Start <= end)))];
    }

    /// <summary>Each counter's accepted counts in the order the database versioned them.</summary>
    public Dictionary<string, List<int>> AcceptedCountsByKey() =>
        _writes.Where(w => w.Accepted && w.Count is not null).GroupBy(w => w.Grain.Key)
            .ToDictionary(g => g.Key, g => g.OrderBy(w => w.NewVersion).Select(w => w.Count!.Value).ToList());

    private static int? CountOf(ReadOnlyMemory<byte> payload)
    {
        using var document = JsonDocument.Parse(payload);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Name.Equals(nameof(CounterState.Count), StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.GetInt32();
            }
        }

        return null;
    }

    private sealed class LoggingStorage(IGrainStorage inner, StorageLog log, string siloId) : IGrainStorage
    {
        public Task<GrainStateRecord> ClaimAsync(GrainId grainId, CancellationToken cancellationToken) => inner.ClaimAsync(grainId, cancellationToken);

        public async Task<long> WriteAsync(GrainId grainId, ReadOnlyMemory<byte> payload, long expectedVersion, CancellationToken cancellationToken)
        {
            var start = DateTimeOffset.UtcNow;
            try
            {
                var version = await inner.WriteAsync(grainId, payload, expectedVersion, cancellationToken);
                log._writes.Enqueue(new StateWrite(siloId, grainId, expectedVersion, version, CountOf(payload), start, DateTimeOffset.UtcNow, Error: null));
                return version;
            }
            catch (Exception exception)
            {
                log._writes.Enqueue(new StateWrite(siloId, grainId, expectedVersion, NewVersion: null, CountOf(payload), start, DateTimeOffset.UtcNow, exception.GetType().Name));
                throw;
            }
        }

        public Task<long> ClearAsync(GrainId grainId, long expectedVersion, CancellationToken cancellationToken) =>
            inner.ClearAsync(grainId, expectedVersion, cancellationToken);
    }
}

/// <summary>One state write; <see cref="NewVersion"/> is set when the database accepted it.</summary>
public sealed record StateWrite(string SiloId, GrainId Grain, long ExpectedVersion, long? NewVersion, int? Count, DateTimeOffset Start, DateTimeOffset End, string? Error)
{
    public bool Accepted => NewVersion is not null;
}
