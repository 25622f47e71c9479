using CsmsCluster.Grains;
using CsmsCluster.Grains.Cluster;
using CsmsCluster.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CsmsCluster.Cluster.Tests;

/// <summary>
/// An in-process cluster: every silo is its own host (DI container, grain runtime, membership agent, Kestrel internal
/// port on loopback) on one shared database, with fast membership timing (see the options in <see cref="StartSiloAsync"/>).
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly IAsyncDisposable _database;
    private readonly List<TestSilo> _silos = [];
    private int _next;

    private TestCluster(string provider, string connectionString, IAsyncDisposable database)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _database = database;
    }

    /// <summary>The silos' lease (test timing).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    /// <summary>The silos' lease margin (test timing).</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(500);

    public string Provider { get; }

    public string ConnectionString { get; }

    public IReadOnlyList<TestSilo> Silos => _silos;

    /// <summary>Extra registrations for every silo started from now on (silo id, services), applied before the fault decorators.</summary>
    public Action<string, IServiceCollection>? ConfigureSilo { get; set; }

    /// <summary>Every activation on every silo of this cluster.</summary>
    public ActivationLog Activations { get; } = new();

    public static async Task<TestCluster> CreateAsync(string provider = StorageOptions.SqliteProvider)
    {
        if (provider == StorageOptions.PostgresProvider)
        {
            var postgres = await PostgresTestDatabase.CreateAsync(TestContext.Current.CancellationToken);
            return new TestCluster(provider, postgres.ConnectionString, postgres);
        }

        var sqlite = new TempSqliteDatabase();
        return new TestCluster(provider, sqlite.ConnectionString, sqlite);
    }

    /// <summary>Starts a silo (or a gateway client with <paramref name="role"/> gateway) and waits until it joined.</summary>
    public async Task<TestSilo> StartSiloAsync(string role = ClusterRoles.Silo, Action<ClusterMembershipOptions>? configure = null)
    {
        var id = $"s{Interlocked.Increment(ref _next)}-{Guid.NewGuid():N}"[..12];
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        var services = builder.Services;
        services.AddCsmsPersistence(o =>
        {
            o.Provider = Provider;
            o.ConnectionString = ConnectionString;
        });
        services.AddSingleton(new SiloIdentity(id));
        services.AddSingleton(Activations.For(id));
        services.AddGrainRuntime(o => o.ShutdownDeactivationTimeout = TimeSpan.FromSeconds(5));
        services.AddGrain<ICounterGrain, CounterGrain>();
        services.AddGrainJsonTypeInfo(TestGrainsJsonContext.Default);
        services.AddGrainCluster(o =>
        {
            o.SiloId = id;
            o.Role = role;
            o.Address = "127.0.0.1";
            o.ListenAddress = "127.0.0.1";
            o.HeartbeatInterval = TimeSpan.FromMilliseconds(100);
            o.LeaseDuration = Lease;
            o.LeaseMargin = Margin;
            // Probes tolerate a busy 2-core machine (1,000 activations at once on PostgreSQL): a vote needs 1 s of silence.
            o.ProbeInterval = TimeSpan.FromMilliseconds(250);
            o.ProbeTimeout = TimeSpan.FromMilliseconds(250);
            o.MissedProbesForVote = 4;
            o.VoteExpiry = TimeSpan.FromSeconds(2);
            o.ExitOnFence = false;
            configure?.Invoke(o);
        });
        ConfigureSilo?.Invoke(id, services);
        var faults = new SiloFaults();
        faults.Apply(services);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var silo = new TestSilo(id, host, faults);
        _silos.Add(silo);
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}

/// <summary>One node of a <see cref="TestCluster"/>.</summary>
public sealed class TestSilo(string id, IHost host, SiloFaults faults) : IAsyncDisposable
{
    public SiloFaults Faults { get; } = faults;

    private bool _stopped;

    public string Id { get; } = id;

    public IServiceProvider Services => host.Services;

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public SiloMembershipAgent Agent => host.Services.GetRequiredService<SiloMembershipAgent>();

    public GrainRuntime Runtime => host.Services.GetRequiredService<GrainRuntime>();

    public RendezvousPlacement Placement => host.Services.GetRequiredService<RendezvousPlacement>();

    /// <summary>
    /// Crash: the internal port aborts its connections, heartbeats and probes stop without leaving (the row stays
    /// Active until its lease expires), and every activation is dropped without writing.
    /// </summary>
    public async Task KillAsync()
    {
        _stopped = true;
        await host.Services.GetRequiredService<Grains.Transport.ClusterTransportServer>().DisposeAsync();
        await Agent.DisposeAsync();
        Runtime.FenceAll();
    }

    /// <summary>Graceful stop: leave, deactivate and write, close the internal port.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            try
            {
                await host.StopAsync(CancellationToken.None);
            }
            catch (Exception exception) when (exception is InvalidOperationException or AggregateException)
            {
                // A silo left in a fault (paused, cut off from the database) may fail to leave; it is discarded anyway.
            }
        }

        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
