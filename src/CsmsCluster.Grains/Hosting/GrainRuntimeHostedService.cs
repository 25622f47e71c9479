using Microsoft.Extensions.Hosting;

namespace CsmsCluster.Grains.Hosting;

/// <summary>Starts the idle sweep with the host and deactivates every activation gracefully when it stops.</summary>
internal sealed class GrainRuntimeHostedService(GrainRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
}
