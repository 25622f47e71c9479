using Microsoft.Extensions.Hosting;

namespace CsmsCluster.Persistence;

/// <summary>
/// Migrates the schema in <see cref="IHostedLifecycleService.StartingAsync"/>, which the host runs before any hosted
/// service's <c>StartAsync</c> (so before Kestrel serves and before the silo joins). A failure stops start-up.
/// </summary>
internal sealed class DatabaseMigrationHostedService(IDatabaseMigrator migrator) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
