using CsmsCluster.Grains.Metadata;
using CsmsCluster.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CsmsCluster.Grains.Activations;

/// <summary>What every activation of this silo shares: settings, time, metadata, serialisation, telemetry, DI.</summary>
internal sealed class ActivationServices(
    GrainRuntimeOptions options,
    TimeProvider timeProvider,
    GrainCatalog catalog,
    GrainSerializer serializer,
    GrainTelemetry telemetry,
    ILogger logger,
    IServiceProvider services)
{
    private readonly IActivationObserver[] _observers = [.. services.GetServices<IActivationObserver>()];
    private readonly Lazy<IGrainStorage?> _storage = new(services.GetService<IGrainStorage>);
    private readonly Lazy<IActivationGate?> _gate = new(services.GetService<IActivationGate>);

    public GrainRuntimeOptions Options { get; } = options;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public GrainCatalog Catalog { get; } = catalog;

    public GrainSerializer Serializer { get; } = serializer;

    public GrainTelemetry Telemetry { get; } = telemetry;

    public ILogger Logger { get; } = logger;

    /// <summary>Where grain instances get their constructor arguments.</summary>
    public IServiceProvider Services { get; } = services;

    /// <summary>Set once while the runtime is wired (the factory needs the router, which needs the directory).</summary>
    public IGrainFactory GrainFactory { get; set; } = null!;

    /// <summary>The registered storage, or null when none is (only grains with state need one).</summary>
    public IGrainStorage? Storage => _storage.Value;

    /// <summary>The cluster's activation gate, or null in a single silo (every grain may activate).</summary>
    public IActivationGate? Gate => _gate.Value;

    public void NotifyStarted(GrainId grainId, Guid activationId, DateTimeOffset startedAt)
    {
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnActivationStarted(grainId, activationId, startedAt);
            }
            catch (Exception exception)
            {
                Logger.ObserverFailed(grainId, exception);
            }
        }
    }

    /// <summary>Counts, logs and tells observers that an activation ended (reason null: its activation failed).</summary>
    public void ReportEnded(GrainId grainId, Guid activationId, DateTimeOffset startedAt, DeactivationReason? reason)
    {
        if (reason is { } r)
        {
            Telemetry.Deactivations.Add(1, new KeyValuePair<string, object?>("reason", r.ToString()));
            Logger.Deactivated(grainId, activationId, r);
        }

        var endedAt = TimeProvider.GetUtcNow();
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnActivationEnded(grainId, activationId, startedAt, endedAt, reason);
            }
            catch (Exception exception)
            {
                Logger.ObserverFailed(grainId, exception);
            }
        }
    }
}
