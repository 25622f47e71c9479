using System.Diagnostics.Metrics;
using CsmsCluster.Grains.Activations;
using CsmsCluster.Grains.Calls;
using CsmsCluster.Grains.Metadata;
using CsmsCluster.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Grains;

/// <summary>
/// The grain runtime of this silo. Resolving it validates every grain registration (fail fast). Beyond the
/// <see cref="IGrainFactory"/> it exposes the hooks the cluster layer needs: stop accepting calls, fence, and run
/// a call that arrived over the wire.
/// </summary>
public sealed class GrainRuntime : IDisposable
{
    private readonly ActivationServices _services;
    private readonly ActivationDirectory _directory;
    private readonly LocalGrainCallInvoker _local;
    private readonly IdleSweeper _sweeper;
    private readonly GrainCatalog _catalog;
    private readonly GrainTelemetry _telemetry;

    internal GrainRuntime(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<GrainRuntimeOptions>>().Value;
        var timeProvider = services.GetRequiredService<TimeProvider>();
        Serializer = services.GetRequiredService<GrainSerializer>();
        _catalog = new GrainCatalog(services.GetServices<GrainRegistration>(), Serializer, options.RequireSerializableCallTypes);
        _telemetry = new GrainTelemetry(services.GetService<IMeterFactory>());
        var logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<GrainRuntime>();
        _services = new ActivationServices(options, timeProvider, _catalog, Serializer, _telemetry, logger, services);
        _directory = new ActivationDirectory(_services);
        _local = new LocalGrainCallInvoker(_directory, timeProvider, _telemetry);
        var router = new GrainCallRouter(
            _local,
            services.GetRequiredService<IGrainPlacement>(),
            services.GetService<IRemoteGrainCallInvoker>(),
            timeProvider,
            options.DefaultCallTimeout,
            _telemetry);
        GrainFactory = new GrainFactory(_catalog, router);
        _services.GrainFactory = GrainFactory;
        _sweeper = new IdleSweeper(_directory, _services);
    }

    /// <summary>The ActivitySource and Meter name: <c>CsmsCluster.Grains</c>.</summary>
    public static string TelemetryName => GrainTelemetry.Name;

    /// <summary>The factory for grain references (also registered as <see cref="IGrainFactory"/>).</summary>
    public IGrainFactory GrainFactory { get; }

    /// <summary>The serializer for state and wire payloads, built from the registered JSON type info.</summary>
    public GrainSerializer Serializer { get; }

    /// <summary>Whether the runtime accepts calls.</summary>
    public GrainRuntimeStatus Status => _directory.Status;

    /// <summary>The number of activations in the directory now.</summary>
    public int ActivationCount => _directory.Count;

    internal ActivationDirectory Directory => _directory;

    internal IdleSweeper Sweeper => _sweeper;

    /// <summary>From now on every call fails with <see cref="GrainUnavailableException"/> (e.g. the lease is in doubt).</summary>
    public void StopAcceptingCalls() => _directory.Status = GrainRuntimeStatus.Stopped;

    /// <summary>
    /// Stops accepting calls and drops every activation at once without running <see cref="Grain.OnDeactivateAsync"/>
    /// (reason <see cref="DeactivationReason.Fenced"/>); their queued calls fail and they can never write state again.
    /// Use when this silo lost its lease or was declared dead.
    /// </summary>
    /// <returns>The number of activations dropped.</returns>
    public int FenceAll()
    {
        var count = _directory.FenceAll();
        _services.Logger.Fenced(count);
        return count;
    }

    /// <summary>Finds a method by its wire identity (for a transport receiving a call).</summary>
    public GrainMethodDescriptor? FindMethod(string interfaceAlias, string methodAlias) => _catalog.FindMethod(interfaceAlias, methodAlias);

    /// <summary>Runs a call in this silo regardless of placement (for a transport receiving a call); result boxed.</summary>
    public Task<object?> InvokeLocalAsync(GrainCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Method.InvokeLocalBoxedAsync(_local, call, cancellationToken);
    }

    /// <summary>
    /// Graceful stop: no new activations; every activation deactivates with reason
    /// <see cref="DeactivationReason.ShuttingDown"/> (so it may write state) within
    /// <see cref="GrainRuntimeOptions.ShutdownDeactivationTimeout"/>; any still running then are fenced.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_directory.Status != GrainRuntimeStatus.Running)
        {
            return;
        }

        _directory.Status = GrainRuntimeStatus.ShuttingDown;
        _sweeper.Dispose();
        var timeout = _services.Options.ShutdownDeactivationTimeout;
        using var timeoutSource = new CancellationTokenSource(timeout, _services.TimeProvider);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        var deactivated = 0;
        try
        {
            // Activations created in a race with the status change show up in a later round; one timeout bounds all.
            while (_directory.Activations.ToArray() is { Length: > 0 } activations)
            {
                foreach (var activation in activations)
                {
                    activation.RequestDeactivation(DeactivationReason.ShuttingDown);
                }

                await Task.WhenAll(activations.Select(a => a.Completion)).WaitAsync(stopping.Token);
                deactivated += activations.Length;
            }
        }
        catch (OperationCanceledException)
        {
            _services.Logger.ShutdownTimedOut(timeout, _directory.Count);
        }
        finally
        {
            _directory.FenceAll();
        }

        _services.Logger.Stopped(deactivated);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _sweeper.Dispose();
        _telemetry.Dispose();
    }

    /// <summary>Starts the idle sweep.</summary>
    internal void Start() => _sweeper.Start();
}
