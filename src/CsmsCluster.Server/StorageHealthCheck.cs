using CsmsCluster.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CsmsCluster.Server;

/// <summary>Readiness: the database answers.</summary>
internal sealed class StorageHealthCheck(IStorageHealth storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await storage.CheckAsync(cancellationToken)
            ? HealthCheckResult.Healthy("Storage reachable.")
            : HealthCheckResult.Unhealthy("Storage unreachable.");
}
