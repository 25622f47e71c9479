namespace CsmsCluster.Deploy.Tests;

/// <summary>What each layout promises: one SQLite writer on a volume, or autoscaled gateways and silos on PostgreSQL.</summary>
public sealed class LayoutTests(RenderedOverlays overlays)
{
    [Fact]
    public void SingleNode_Deployment_IsOneRoleAllReplicaRecreatedOnAPersistentVolumeClaim()
    {
        var manifest = overlays["single-node"];
        var deployment = Assert.Single(manifest.Workloads);
        Assert.Equal("Deployment", deployment.Kind());
        Assert.Equal(1, deployment.At("spec", "replicas")?.GetInt32());
        Assert.Equal("Recreate", deployment.StringAt("spec", "strategy", "type"));
        var data = Assert.Single(deployment.ArrayAt("spec", "template", "spec", "volumes"), v => v.StringAt("name") == "data");
        var claim = data.StringAt("persistentVolumeClaim", "claimName");
        Assert.NotNull(claim);
        Assert.Contains("ReadWriteOnce", manifest.Single("PersistentVolumeClaim", claim).ArrayAt("spec", "accessModes").Select(m => m.GetString()));
        var environment = manifest.Environment(Assert.Single(Manifest.Containers(deployment)));
        Assert.Equal("sqlite", environment["Csms__Storage__Provider"]);
        Assert.Empty(manifest.OfKind("HorizontalPodAutoscaler"));
    }

    [Fact]
    public void Cluster_Workloads_AreAutoscaledGatewaysOnConnectionsAndSilosOnCpu()
    {
        var manifest = overlays["cluster"];
        var gateway = manifest.Single("Deployment", "csms-gateway");
        var silo = manifest.Single("Deployment", "csms-silo");
        Assert.All(new[] { gateway, silo }, w => Assert.Null(w.At("spec", "replicas")));

        var gatewayHpa = Assert.Single(manifest.OfKind("HorizontalPodAutoscaler"), h => h.StringAt("spec", "scaleTargetRef", "name") == gateway.Name());
        var connections = Assert.Single(gatewayHpa.ArrayAt("spec", "metrics"));
        Assert.Equal("Pods", connections.StringAt("type"));
        Assert.Equal("csms_gateway_connections", connections.StringAt("pods", "metric", "name"));

        var siloHpa = Assert.Single(manifest.OfKind("HorizontalPodAutoscaler"), h => h.StringAt("spec", "scaleTargetRef", "name") == silo.Name());
        var cpu = Assert.Single(siloHpa.ArrayAt("spec", "metrics"));
        Assert.Equal("cpu", cpu.StringAt("resource", "name"));

        var siloService = manifest.Single("Service", "csms-silo");
        Assert.Equal("None", siloService.StringAt("spec", "clusterIP"));
        Assert.Equal(8081, Assert.Single(siloService.ArrayAt("spec", "ports")).At("port")!.Value.GetInt32());
    }

    [Fact]
    public void Cluster_Storage_IsPostgresWithTheConnectionStringAndTokenFromTheSecret()
    {
        var manifest = overlays["cluster"];
        foreach (var workload in manifest.Workloads)
        {
            var container = Assert.Single(Manifest.Containers(workload));
            Assert.Equal("postgres", manifest.Environment(container)["Csms__Storage__Provider"]);
            foreach (var (variable, key) in new[] { ("Csms__Storage__ConnectionString", "connection-string"), ("Csms__Api__AdminToken", "admin-token") })
            {
                var reference = Assert.Single(container.ArrayAt("env"), e => e.StringAt("name") == variable).At("valueFrom", "secretKeyRef")!.Value;
                Assert.Equal(key, reference.StringAt("key"));
                Assert.False(reference.At("optional")?.GetBoolean() ?? false, $"{workload.Describe()}: {variable} is required in a cluster");
            }
        }
    }
}
