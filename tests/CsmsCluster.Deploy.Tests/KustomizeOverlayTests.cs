using System.Globalization;

namespace CsmsCluster.Deploy.Tests;

/// <summary>Every rendered overlay: probes, resources, labels, wiring between objects, drain timing, placement.</summary>
public sealed class KustomizeOverlayTests(RenderedOverlays overlays)
{
    private static readonly string[] CommonLabels = ["app.kubernetes.io/name", "app.kubernetes.io/part-of"];

    [Fact]
    public void Overlays_Directory_HoldsSingleNodeAndCluster()
    {
        Assert.Equal(["cluster", "single-node"], overlays.All.Select(m => m.Overlay).Order(StringComparer.Ordinal));
        Assert.All(overlays.All, m => Assert.NotEmpty(m.Workloads));
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Names), MemberType = typeof(RenderedOverlays))]
    public void Workloads_EveryContainer_ProbesReadyzAndHealthzOnADeclaredPort(string overlay)
    {
        foreach (var workload in overlays[overlay].Workloads)
        {
            foreach (var container in Manifest.Containers(workload))
            {
                var where = $"{overlay} {workload.Describe()} container {container.StringAt("name")}";
                var ports = DeclaredPorts(container);
                // The probes go to the probe port the server is told to open (its own socket and thread).
                var setting = overlays[overlay].Environment(container).GetValueOrDefault("Csms__Health__Port");
                Assert.True(int.TryParse(setting, CultureInfo.InvariantCulture, out var healthPort), $"{where}: Csms__Health__Port is not set");
                Assert.NotEqual(ServerDefaults.HttpPort, healthPort);
                AssertProbe(container, "readinessProbe", "/readyz", ports, healthPort, where);
                AssertProbe(container, "livenessProbe", "/healthz", ports, healthPort, where);
                if (container.At("startupProbe") is not null)
                {
                    AssertProbe(container, "startupProbe", "/healthz", ports, healthPort, where);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Names), MemberType = typeof(RenderedOverlays))]
    public void Workloads_EveryContainer_HasResourceRequestsAndLimits(string overlay)
    {
        foreach (var workload in overlays[overlay].Workloads)
        {
            foreach (var container in Manifest.Containers(workload))
            {
                foreach (var bound in new[] { "requests", "limits" })
                {
                    foreach (var resource in new[] { "cpu", "memory" })
                    {
                        Assert.False(
                            string.IsNullOrEmpty(container.StringAt("resources", bound, resource)),
                            $"{overlay} {workload.Describe()}: resources.{bound}.{resource} missing");
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Names), MemberType = typeof(RenderedOverlays))]
    public void Objects_Labels_CarryNamePartOfAndComponent(string overlay)
    {
        var manifest = overlays[overlay];
        foreach (var resource in manifest.Objects)
        {
            var labels = resource.MapAt("metadata", "labels");
            Assert.All(CommonLabels, l => Assert.True(labels.ContainsKey(l), $"{overlay} {resource.Describe()} lacks label {l}"));
        }

        foreach (var resource in manifest.Objects.Where(o => o.Kind() is "Deployment" or "StatefulSet" or "HorizontalPodAutoscaler" or "PodDisruptionBudget"))
        {
            Assert.True(resource.MapAt("metadata", "labels").ContainsKey("app.kubernetes.io/component"), $"{overlay} {resource.Describe()} lacks a component label");
        }

        foreach (var workload in manifest.Workloads)
        {
            var pod = Manifest.PodLabels(workload);
            Assert.All(CommonLabels.Append("app.kubernetes.io/component"), l => Assert.True(pod.ContainsKey(l), $"{overlay} {workload.Describe()} pods lack label {l}"));
            Assert.Equal(workload.MapAt("metadata", "labels")["app.kubernetes.io/component"], pod["app.kubernetes.io/component"]);
            var selector = workload.MapAt("spec", "selector", "matchLabels");
            Assert.True(selector.Selects(pod), $"{overlay} {workload.Describe()}: selector does not match its own pod template");
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Names), MemberType = typeof(RenderedOverlays))]
    public void Services_Selectors_MatchExactlyOneWorkloadsPods(string overlay)
    {
        var manifest = overlays[overlay];
        var services = manifest.OfKind("Service").ToList();
        Assert.NotEmpty(services);
        foreach (var service in services)
        {
            var selected = manifest.WorkloadsSelectedBy(service.MapAt("spec", "selector")).ToList();
            Assert.True(selected.Count == 1, $"{overlay} {service.Describe()} selects {selected.Count} workloads, expected 1");
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Names), MemberType = typeof(RenderedOverlays))]
    public void Services_TargetPorts_AreContainerPortsOfTheSelectedPods(string overlay)
    {
        var manifest = overlays[overlay];
        foreach (var service in manifest.OfKind("Service"))
        {
            var workload = manifest.WorkloadsSelectedBy(service.MapAt("spec", "selector")).First();
            var ports = Manifest.Containers(workload).SelectMany(DeclaredPorts).ToList();
            foreach (var port in service.ArrayAt("spec", "ports"))
            {
                var target = port.At("targetPort")!.Value;
                var match = target.ValueKind == JsonValueKind.String
                    ? ports.Where(p => p.Name == target.GetString())
                    : ports.Where(p => p.Number == target.GetInt32());
                var container = Assert.Single(match);
                Assert.Equal(port.At("port")!.Value.GetInt32(), container.Number);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Names), MemberType = typeof(RenderedOverlays))]
    public void Workloads_HttpPort_IsTheServersListeningPort(string overlay)
    {
        var manifest = overlays[overlay];
        Assert.Equal(8080, ServerDefaults.HttpPort);
        foreach (var workload in manifest.Workloads)
        {
            foreach (var container in Manifest.Containers(workload))
            {
                var http = Assert.Single(DeclaredPorts(container), p => p.Name == "http");
                Assert.Equal(ServerDefaults.HttpPort, http.Number);
                var urls = manifest.Environment(container).GetValueOrDefault("Urls");
                Assert.NotNull(urls);
                Assert.Equal(http.Number, ServerDefaults.PortOf(urls));
                if (DeclaredPorts(container).FirstOrDefault(p => p.Name == "grain") is { } grain)
                {
                    Assert.Equal(8081, grain.Number);
                    Assert.Equal("8081", manifest.Environment(container).GetValueOrDefault("Csms__Cluster__InternalPort"));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Names), MemberType = typeof(RenderedOverlays))]
    public void AutoscalersAndBudgets_Targets_AreWorkloadsOfTheOverlay(string overlay)
    {
        var manifest = overlays[overlay];
        foreach (var hpa in manifest.OfKind("HorizontalPodAutoscaler"))
        {
            var kind = hpa.StringAt("spec", "scaleTargetRef", "kind");
            var name = hpa.StringAt("spec", "scaleTargetRef", "name");
            Assert.True(manifest.Workloads.Any(w => w.Kind() == kind && w.Name() == name), $"{overlay} {hpa.Describe()} targets missing {kind}/{name}");
            var min = hpa.At("spec", "minReplicas")!.Value.GetInt32();
            Assert.InRange(min, 1, hpa.At("spec", "maxReplicas")!.Value.GetInt32());
        }

        var budgets = manifest.OfKind("PodDisruptionBudget").ToList();
        Assert.NotEmpty(budgets);
        foreach (var pdb in budgets)
        {
            Assert.True(
                manifest.WorkloadsSelectedBy(pdb.MapAt("spec", "selector", "matchLabels")).Count() == 1,
                $"{overlay} {pdb.Describe()} must select the pods of exactly one workload");
        }

        Assert.All(manifest.Workloads, w => Assert.Contains(budgets, pdb => pdb.MapAt("spec", "selector", "matchLabels").Selects(Manifest.PodLabels(w))));
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Names), MemberType = typeof(RenderedOverlays))]
    public void Workloads_PreStopAndHostShutdown_FitInTheGracePeriod(string overlay)
    {
        var manifest = overlays[overlay];
        foreach (var workload in manifest.Workloads)
        {
            var grace = workload.At("spec", "template", "spec", "terminationGracePeriodSeconds")?.GetInt32();
            Assert.True(grace is not null, $"{overlay} {workload.Describe()}: terminationGracePeriodSeconds must be set");
            foreach (var container in Manifest.Containers(workload))
            {
                var preStop = PreStopSleepSeconds(container);
                Assert.True(preStop is > 0, $"{overlay} {workload.Describe()}: a preStop sleep lets endpoint removal spread before SIGTERM");
                Assert.True(preStop < grace, $"{overlay} {workload.Describe()}: preStop {preStop} s must end before the grace period {grace} s");
                var environment = manifest.Environment(container);
                var host = int.Parse(environment["DOTNET_SHUTDOWNTIMEOUTSECONDS"]!, CultureInfo.InvariantCulture);
                Assert.True(preStop + host < grace, $"{overlay} {workload.Describe()}: preStop {preStop} s + host shutdown {host} s must fit in {grace} s");
                var close = TimeSpan.Parse(environment["Csms__Ocpp__CloseTimeout"]!, CultureInfo.InvariantCulture);
                var deactivation = TimeSpan.Parse(environment["Csms__Grains__ShutdownDeactivationTimeout"]!, CultureInfo.InvariantCulture);
                var spread = environment.GetValueOrDefault("Csms__Ocpp__ShutdownCloseSpread") is { } s
                    ? TimeSpan.Parse(s, CultureInfo.InvariantCulture)
                    : TimeSpan.Zero;
                Assert.True(spread + close + deactivation < TimeSpan.FromSeconds(host), "spread socket closes, close handshakes and grain deactivation must fit in the host's shutdown time");
            }
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Names), MemberType = typeof(RenderedOverlays))]
    public void Workloads_PodSpec_IsNotPinnedToANode(string overlay)
    {
        foreach (var workload in overlays[overlay].Workloads)
        {
            var pod = workload.At("spec", "template", "spec")!.Value;
            Assert.Null(pod.At("nodeName"));
            Assert.Null(pod.At("nodeSelector"));
            Assert.Null(pod.At("affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution"));
            Assert.All(pod.ArrayAt("topologySpreadConstraints"), c => Assert.Equal("ScheduleAnyway", c.StringAt("whenUnsatisfiable")));
            Assert.All(pod.ArrayAt("volumes"), v => Assert.Null(v.At("hostPath")));
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Names), MemberType = typeof(RenderedOverlays))]
    public void Workloads_Containers_RunNonRootOnAReadOnlyRootWithoutCapabilities(string overlay)
    {
        foreach (var workload in overlays[overlay].Workloads)
        {
            var pod = workload.At("spec", "template", "spec")!.Value;
            Assert.True(pod.At("securityContext", "runAsNonRoot")?.GetBoolean(), $"{overlay} {workload.Describe()}: runAsNonRoot");
            Assert.False(pod.At("automountServiceAccountToken")?.GetBoolean() ?? true, $"{overlay} {workload.Describe()}: no service account token");
            foreach (var container in Manifest.Containers(workload))
            {
                Assert.True(container.At("securityContext", "readOnlyRootFilesystem")?.GetBoolean(), $"{overlay} {workload.Describe()}: readOnlyRootFilesystem");
                Assert.False(container.At("securityContext", "allowPrivilegeEscalation")?.GetBoolean() ?? true, $"{overlay} {workload.Describe()}: allowPrivilegeEscalation");
                Assert.Equal(["ALL"], container.ArrayAt("securityContext", "capabilities", "drop").Select(c => c.GetString()));
                Assert.Empty(container.ArrayAt("securityContext", "capabilities", "add"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Names), MemberType = typeof(RenderedOverlays))]
    public void Workloads_WritablePaths_AreMountedVolumes(string overlay)
    {
        var manifest = overlays[overlay];
        foreach (var workload in manifest.Workloads)
        {
            foreach (var container in Manifest.Containers(workload))
            {
                var mounts = container.ArrayAt("volumeMounts").Where(m => m.At("readOnly")?.GetBoolean() != true).Select(m => m.StringAt("mountPath")!).ToList();
                var environment = manifest.Environment(container);
                var written = new List<string> { "/tmp", environment["Csms__Api__DataDirectory"]! };
                if (environment.GetValueOrDefault("Csms__Storage__Provider") == "sqlite")
                {
                    written.Add(environment["Csms__Storage__ConnectionString"]!.Replace("Data Source=", "", StringComparison.Ordinal));
                }

                foreach (var path in written)
                {
                    Assert.True(
                        mounts.Any(m => path == m || path.StartsWith(m + "/", StringComparison.Ordinal)),
                        $"{overlay} {workload.Describe()}: {path} is written but not on a writable volume ({string.Join(", ", mounts)})");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Names), MemberType = typeof(RenderedOverlays))]
    public void Workloads_Environment_UsesOnlyRealConfigurationKeysAndTheComponentsRole(string overlay)
    {
        var manifest = overlays[overlay];
        foreach (var workload in manifest.Workloads)
        {
            foreach (var container in Manifest.Containers(workload))
            {
                var environment = manifest.Environment(container);
                Assert.All(environment.Keys, key => Assert.Null(ConfigurationKeys.Problem(key)));
                Assert.Equal(Manifest.PodLabels(workload)["app.kubernetes.io/component"], environment["Csms__Role"]);
                Assert.Contains(environment["Csms__Role"], new[] { "all", "gateway", "silo" });
                Assert.True(environment.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"), "the OTLP endpoint is configurable through the ConfigMap");
            }
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Names), MemberType = typeof(RenderedOverlays))]
    public void Ingress_Backend_IsAServicePortWithTlsAndLongWebSocketTimeouts(string overlay)
    {
        var manifest = overlays[overlay];
        var ingress = Assert.Single(manifest.OfKind("Ingress"));
        Assert.NotEmpty(ingress.ArrayAt("spec", "tls"));
        var annotations = ingress.MapAt("metadata", "annotations");
        foreach (var timeout in new[] { "proxy-read-timeout", "proxy-send-timeout" })
        {
            var seconds = int.Parse(annotations["nginx.ingress.kubernetes.io/" + timeout], CultureInfo.InvariantCulture);
            Assert.True(seconds >= 3600, $"{timeout} {seconds} s would cut idle charger WebSockets");
        }

        foreach (var path in ingress.ArrayAt("spec", "rules").SelectMany(r => r.ArrayAt("http", "paths")))
        {
            var service = manifest.Single("Service", path.StringAt("backend", "service", "name")!);
            var portName = path.StringAt("backend", "service", "port", "name");
            Assert.Contains(service.ArrayAt("spec", "ports"), p => p.StringAt("name") == portName);
            var workload = manifest.WorkloadsSelectedBy(service.MapAt("spec", "selector")).Single();
            Assert.Contains(Manifest.PodLabels(workload)["app.kubernetes.io/component"], new[] { "all", "gateway" });
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Names), MemberType = typeof(RenderedOverlays))]
    public async Task Secrets_Overlay_ShipsOnlyUnappliedPlaceholderExamples(string overlay)
    {
        Assert.Empty(overlays[overlay].OfKind("Secret"));
        var example = Repository.Read($"deploy/overlays/{overlay}/secret.example.yaml");
        var secret = Assert.Single(await Kubectl.ToJsonAsync(example, TestContext.Current.CancellationToken));
        Assert.Equal("Secret", secret.Kind());
        var values = secret.MapAt("stringData");
        Assert.NotEmpty(values);
        Assert.All(values, pair => Assert.Contains("CHANGE-ME", pair.Value, StringComparison.Ordinal));
        var referenced = overlays[overlay].Workloads.SelectMany(Manifest.Containers)
            .SelectMany(c => c.ArrayAt("env"))
            .Where(e => e.StringAt("valueFrom", "secretKeyRef", "name") == secret.Name())
            .Select(e => e.StringAt("valueFrom", "secretKeyRef", "key")!)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(referenced.Order(StringComparer.Ordinal), values.Keys.Order(StringComparer.Ordinal));
    }

    private static void AssertProbe(JsonElement container, string probe, string path, IReadOnlyList<ContainerPort> ports, int expectedPort, string where)
    {
        Assert.True(container.At(probe) is not null, $"{where}: {probe} missing");
        Assert.True(container.StringAt(probe, "httpGet", "path") == path, $"{where}: {probe} must GET {path}");
        var port = container.At(probe, "httpGet", "port")!.Value;
        var declared = port.ValueKind == JsonValueKind.String
            ? ports.SingleOrDefault(p => p.Name == port.GetString())
            : ports.SingleOrDefault(p => p.Number == port.GetInt32());
        Assert.True(declared is not null, $"{where}: {probe} port {port} is not a declared container port");
        Assert.Equal(expectedPort, declared.Number);
    }

    private static List<ContainerPort> DeclaredPorts(JsonElement container) =>
        [.. container.ArrayAt("ports").Select(p => new ContainerPort(p.StringAt("name"), p.At("containerPort")!.Value.GetInt32()))];

    private static int? PreStopSleepSeconds(JsonElement container)
    {
        if (container.At("lifecycle", "preStop", "sleep", "seconds") is { } seconds)
        {
            return seconds.GetInt32();
        }

        var command = container.ArrayAt("lifecycle", "preStop", "exec", "command").Select(c => c.GetString()).ToList();
        return command is ["sleep", var value] && int.TryParse(value, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }
}
