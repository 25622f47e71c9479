using System.Net.WebSockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Gateway;

/// <summary>
/// On shutdown, closes every charger socket with 1001 (going away) in the stopping phase, before the web server
/// waits for open requests and before the grains deactivate: chargers reconnect elsewhere and no message is accepted
/// after the grain runtime stops.
/// </summary>
internal sealed class GatewayShutdownService(ChargerSessionRegistry sessions, IOptions<OcppGatewayOptions> options, ILogger<GatewayShutdownService> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var all = sessions.Snapshot();
        GatewayLog.ClosingForShutdown(logger, all.Count);
        foreach (var session in all)
        {
            session.SetCloseReason(CloseReasons.Shutdown);
        }

        await Task.WhenAll(all.Select(s => s.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "The server is shutting down.", options.Value.CloseTimeout)));
        foreach (var session in all)
        {
            session.MarkClosed();
        }
    }
}
