using System.Net;
using CsmsCluster.Grains.Cluster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Grains.Transport;

/// <summary>
/// The node's internal endpoint: a Kestrel server of its own, HTTP/2 cleartext only, on
/// <see cref="ClusterMembershipOptions.InternalPort"/> (0 picks a free port), separate from the public HTTP/WebSocket
/// listener so the public URLs and the cluster port never interfere. It serves grain calls, probes and whatever
/// <see cref="IClusterEndpoints"/> add; peer probes are also answered over UDP on the same port number
/// (<see cref="UdpProbeResponder"/>), from a thread of their own.
/// </summary>
public sealed class ClusterTransportServer(
    IOptions<ClusterMembershipOptions> options,
    GrainTransportReceiver receiver,
    IEnumerable<IClusterEndpoints> extraEndpoints,
    ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<ClusterTransportServer>();
    private WebApplication? _app;
    private UdpProbeResponder? _probes;

    /// <summary>The port the server listens on (after <see cref="StartAsync"/>).</summary>
    public int Port { get; private set; }

    /// <summary>Starts listening; answers probes as <paramref name="siloId"/>.</summary>
    public async Task StartAsync(string siloId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        // The node's host owns the process lifetime (SIGTERM, shutdown order); this server only starts and stops
        // when told, and its "Now listening" lines would be mistaken for the public listener's.
        builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();
        builder.Services.AddSingleton<ILoggerFactory>(new InternalLoggerFactory(loggerFactory));
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = settings.MaxMessageBytes;
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
            kestrel.Listen(IPAddress.Parse(settings.ListenAddress), settings.InternalPort, listen => listen.Protocols = HttpProtocols.Http2);
        });
        var app = builder.Build();
        app.UseRouting();
        app.MapPost(TransportWire.CallPath, receiver.HandleAsync);
        app.MapGet(TransportWire.ProbePath, (HttpContext context) =>
        {
            context.Response.Headers[TransportWire.SiloIdHeader] = siloId;
            return Results.Ok();
        });
        foreach (var endpoints in extraEndpoints)
        {
            endpoints.Map(app);
        }

        await app.StartAsync(cancellationToken);
        _app = app;
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
        _probes = UdpProbeResponder.TryStart(IPAddress.Parse(settings.ListenAddress), Port, siloId, _logger);
        ClusterLog.TransportListening(_logger, siloId, address);
    }

    /// <summary>Stops listening: in-flight requests get until <paramref name="cancellationToken"/>, then are aborted.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _probes, null)?.Dispose();
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _probes, null)?.Dispose();
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            await app.DisposeAsync();
        }
    }

    private sealed class PassiveLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class InternalLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) =>
            categoryName == "Microsoft.Hosting.Lifetime" ? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance : inner.CreateLogger(categoryName);

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose()
        {
            // The node's host owns the inner factory.
        }
    }
}
