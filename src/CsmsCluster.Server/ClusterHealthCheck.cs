using CsmsCluster.Grains.Cluster;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CsmsCluster.Server;

/// <summary>Readiness of a cluster node: it is Active in the membership and its view has at least one grain host.</summary>
internal sealed class ClusterHealthCheck(SiloMembershipAgent agent) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(agent.State != SiloAgentState.Active
            ? HealthCheckResult.Unhealthy($"Cluster membership is {agent.State}.")
            : agent.Current is not { Hosts.Count: > 0 } view
                ? HealthCheckResult.Unhealthy("No silo hosts grains in this node's view.")
                : HealthCheckResult.Healthy($"Member at view {view.Version} with {view.Hosts.Count} grain hosts."));
}
