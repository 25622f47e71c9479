using CsmsCluster.Grains.Activations;
using CsmsCluster.Grains.Tests.Grains;
using Microsoft.Extensions.Hosting;

namespace CsmsCluster.Grains.Tests.Infrastructure;

/// <summary>
/// A single silo for one test: the real runtime wired through DI with the test grains, in-memory storage, a manual
/// clock, a <see cref="TestProbe"/> and an <see cref="ActivationLog"/>; started and stopped like a host would.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    /// <summary>A generous real-time guard for awaits that must not hang; never a fixed wait.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    private readonly ServiceProvider _provider;
    private readonly IHostedService[] _hostedServices;
    private bool _stopped;

    private TestSilo(ServiceProvider provider)
    {
        _provider = provider;
        _hostedServices = [.. provider.GetServices<IHostedService>()];
    }

    public ManualTimeProvider Time => _provider.GetRequiredService<ManualTimeProvider>();

    public TestProbe Probe => _provider.GetRequiredService<TestProbe>();

    public ActivationLog Log => _provider.GetRequiredService<ActivationLog>();

    public InMemoryGrainStorage Storage => _provider.GetRequiredService<InMemoryGrainStorage>();

    public GrainRuntime Runtime => _provider.GetRequiredService<GrainRuntime>();

    /// <summary>This silo's meter factory: its meters have it as <see cref="System.Diagnostics.Metrics.Meter.Scope"/>.</summary>
    public System.Diagnostics.Metrics.IMeterFactory MeterFactory => _provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();

    public IGrainFactory Factory => _provider.GetRequiredService<IGrainFactory>();

    public static async Task<TestSilo> StartAsync(Action<GrainRuntimeOptions>? configure = null, bool withStorage = true)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new ManualTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero)));
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<ManualTimeProvider>());
        services.AddMetrics();
        services.AddSingleton<TestProbe>();
        services.AddSingleton<ActivationLog>();
        services.AddSingleton<IActivationObserver>(sp => sp.GetRequiredService<ActivationLog>());
        services.AddGrainRuntime(options =>
        {
            options.RequireSerializableCallTypes = true;
            configure?.Invoke(options);
        });
        services.AddGrainJsonTypeInfo(TestJsonContext.Default);
        services.AddGrain<ITurnGrain, TurnGrain>();
        services.AddGrain<IChainGrain, ChainGrain>();
        services.AddGrain<ITimerGrain, TimerGrain>();
        services.AddGrain<IStateGrain, StateGrain>();
        services.AddGrain<ILifecycleGrain, LifecycleGrain>();
        services.AddSingleton<InMemoryGrainStorage>();
        if (withStorage)
        {
            services.AddSingleton<IGrainStorage>(sp => sp.GetRequiredService<InMemoryGrainStorage>());
        }

        var silo = new TestSilo(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
        foreach (var hostedService in silo._hostedServices)
        {
            await hostedService.StartAsync(TestContext.Current.CancellationToken);
        }

        return silo;
    }

    /// <summary>The activation of <paramref name="grainId"/> in the directory, if any (white-box checks).</summary>
    internal GrainActivation? FindActivation(GrainId grainId) => Runtime.Directory.Find(grainId);

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        foreach (var hostedService in _hostedServices.Reverse())
        {
            await hostedService.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _provider.DisposeAsync();
    }
}
