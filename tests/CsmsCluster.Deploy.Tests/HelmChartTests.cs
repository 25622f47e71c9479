using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CsmsCluster.Deploy.Tests;

/// <summary>
/// The Helm chart without a Helm binary: values against the schema, Chart.yaml, every <c>.Values</c> reference and
/// helper include resolved, template actions balanced, and the same objects and defaults as the kustomize overlays.
/// </summary>
public sealed partial class HelmChartTests(RenderedOverlays overlays)
{
    private const string Chart = "helm/csms-cluster";

    [Fact]
    public async Task ValuesYaml_AgainstTheSchema_IsValid()
    {
        var values = await ValuesAsync();
        Assert.Empty(Schema().Validate(values));
    }

    [Theory]
    [InlineData("layout", "\"bogus\"", "$.layout")]
    [InlineData("gateway.autoscaling.minReplicas", "0", "$.gateway.autoscaling.minReplicas")]
    [InlineData("silo.resources.limits.memory", "\"lots\"", "$.silo.resources.limits.memory")]
    [InlineData("storage.provider", "\"mysql\"", "$.storage.provider")]
    [InlineData("drain.preStopSeconds", "\"10\"", "$.drain.preStopSeconds")]
    [InlineData("ingress.unknownSetting", "true", "$.ingress.unknownSetting")]
    [InlineData("settings.Csms__Ocpp__HeartbeatInterval", "{\"nested\":1}", "$.settings.Csms__Ocpp__HeartbeatInterval")]
    public async Task Schema_BrokenValue_IsRejectedAtItsPath(string path, string json, string reported)
    {
        var values = JsonNode.Parse((await ValuesAsync()).GetRawText())!;
        var segments = path.Split('.');
        var parent = segments[..^1].Aggregate(values, (node, name) => node[name]!);
        parent[segments[^1]] = JsonNode.Parse(json);
        using var broken = JsonDocument.Parse(values.ToJsonString());

        var errors = Schema().Validate(broken.RootElement);

        Assert.Contains(errors, e => e.StartsWith(reported + ":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Schema_MissingRequiredSection_IsRejected()
    {
        var values = JsonNode.Parse((await ValuesAsync()).GetRawText())!.AsObject();
        values.Remove("storage");
        using var broken = JsonDocument.Parse(values.ToJsonString());

        Assert.Contains("$: required property 'storage' is missing", Schema().Validate(broken.RootElement));
    }

    [Fact]
    public async Task ChartYaml_Metadata_IsCompleteAndNamedAfterItsDirectory()
    {
        var chart = await Kubectl.MappingToJsonAsync(Repository.Read($"{Chart}/Chart.yaml"), TestContext.Current.CancellationToken);
        Assert.Equal("v2", chart.StringAt("apiVersion"));
        Assert.Equal(Path.GetFileName(Chart), chart.StringAt("name"));
        Assert.Equal("application", chart.StringAt("type"));
        Assert.Matches(SemVer(), chart.StringAt("version") ?? "");
        Assert.False(string.IsNullOrWhiteSpace(chart.StringAt("appVersion")));
        Assert.False(string.IsNullOrWhiteSpace(chart.StringAt("description")));
    }

    [Fact]
    public async Task Templates_ValuesReferences_ExistInValuesYaml()
    {
        var values = await ValuesAsync();
        var missing = new List<string>();
        foreach (var (file, text) in Templates())
        {
            foreach (Match match in ValuesReference().Matches(text))
            {
                var path = match.Groups[1].Value.TrimStart('.').Split('.');
                if (values.At(path) is null)
                {
                    missing.Add($"{file}: .Values.{string.Join('.', path)}");
                }
            }
        }

        Assert.Empty(missing);
        Assert.True(Templates().Sum(t => ValuesReference().Count(t.Text)) > 30, "the templates should read their settings from values");
    }

    [Fact]
    public void Templates_IncludedHelpers_AreDefined()
    {
        var defined = Templates().SelectMany(t => Define().Matches(t.Text)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var used = Templates().SelectMany(t => Include().Matches(t.Text)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(used);
        Assert.Empty(used.Except(defined));
    }

    [Fact]
    public void Templates_Actions_AreBalanced()
    {
        foreach (var (file, text) in Templates())
        {
            Assert.Equal(Regex.Count(text, "{{", RegexOptions.None, TimeSpan.FromSeconds(1)), Regex.Count(text, "}}", RegexOptions.None, TimeSpan.FromSeconds(1)));
            var depth = 0;
            foreach (Match action in Action().Matches(text))
            {
                depth += action.Groups[1].Value == "end" ? -1 : 1;
                Assert.True(depth >= 0, $"{file}: 'end' without an open block at offset {action.Index}");
            }

            Assert.True(depth == 0, $"{file}: {depth} block(s) not closed with 'end'");
        }
    }

    [Fact]
    public void Templates_Kinds_AreTheKustomizeOverlaysKinds()
    {
        var chartKinds = Templates().SelectMany(t => TopLevelKind().Matches(t.Text)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var overlayKinds = overlays.All.SelectMany(m => m.Kinds).ToHashSet(StringComparer.Ordinal);

        // The chart can create the Secret from values; the overlays expect it created out of band.
        Assert.Equal(overlayKinds.Append("Secret").Order(StringComparer.Ordinal), chartKinds.Order(StringComparer.Ordinal));
        Assert.Subset(chartKinds, overlays["cluster"].Kinds.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Values_Defaults_AgreeWithTheKustomizeOverlays()
    {
        var values = await ValuesAsync();
        var cluster = overlays["cluster"];
        int Number(params string[] path) => values.At(path)!.Value.GetInt32();

        Assert.Equal(ServerDefaults.HttpPort, Number("ports", "http"));
        Assert.Equal(8081, Number("ports", "internal"));
        Assert.Equal(
            cluster.Single("ConfigMap", "csms-config").MapAt("data").GetValueOrDefault("Csms__Health__Port"),
            Number("ports", "health").ToString(CultureInfo.InvariantCulture));
        foreach (var (component, key) in new[] { ("gateway", "gateway"), ("silo", "silo") })
        {
            var workload = cluster.Single("Deployment", $"csms-{component}");
            var hpa = cluster.Single("HorizontalPodAutoscaler", $"csms-{component}");
            Assert.Equal(hpa.At("spec", "minReplicas")!.Value.GetInt32(), Number(key, "autoscaling", "minReplicas"));
            Assert.Equal(hpa.At("spec", "maxReplicas")!.Value.GetInt32(), Number(key, "autoscaling", "maxReplicas"));
            var container = Assert.Single(Manifest.Containers(workload));
            Assert.True(JsonElement.DeepEquals(container.At("resources")!.Value, values.At(key, "resources")!.Value), $"{component} resources differ");
            Assert.Equal(workload.At("spec", "template", "spec", "terminationGracePeriodSeconds")!.Value.GetInt32(), Number("drain", "terminationGracePeriodSeconds"));
            Assert.Equal(
                container.ArrayAt("lifecycle", "preStop", "exec", "command").Last().GetString(),
                Number("drain", "preStopSeconds").ToString(CultureInfo.InvariantCulture));
            Assert.Equal(cluster.Environment(container)["DOTNET_SHUTDOWNTIMEOUTSECONDS"], Number("drain", "hostShutdownSeconds").ToString(CultureInfo.InvariantCulture));
        }

        var gatewayTarget = cluster.Single("HorizontalPodAutoscaler", "csms-gateway").ArrayAt("spec", "metrics").Single().StringAt("pods", "target", "averageValue");
        Assert.Equal(gatewayTarget, Number("gateway", "autoscaling", "connectionsPerPod").ToString(CultureInfo.InvariantCulture));
        Assert.True(Number("drain", "preStopSeconds") + Number("drain", "hostShutdownSeconds") < Number("drain", "terminationGracePeriodSeconds"));
    }

    [Fact]
    public void Templates_ConfigMapKeys_AreRealConfigurationKeys()
    {
        var configMap = Repository.Read($"{Chart}/templates/configmap.yaml");
        var keys = DataKey().Matches(configMap).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("Csms__Storage__Provider", keys);
        Assert.All(keys, key => Assert.Null(ConfigurationKeys.Problem(key)));
    }

    private static async Task<JsonElement> ValuesAsync() =>
        await Kubectl.MappingToJsonAsync(Repository.Read($"{Chart}/values.yaml"), TestContext.Current.CancellationToken);

    private static SchemaValidator Schema()
    {
        using var schema = JsonDocument.Parse(Repository.Read($"{Chart}/values.schema.json"));
        Assert.Equal("http://json-schema.org/draft-07/schema#", schema.RootElement.StringAt("$schema"));
        return new SchemaValidator(schema.RootElement.Clone());
    }

    private static List<(string File, string Text)> Templates()
    {
        var files = Directory.GetFiles(Repository.PathOf($"{Chart}/templates")).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".tpl", StringComparison.Ordinal)).ToList();
        Assert.True(files.Count >= 8, "the chart's templates are missing");
        return [.. files.Select(f => (Path.GetFileName(f), File.ReadAllText(f)))];
    }

    [GeneratedRegex(@"\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)")]
    private static partial Regex ValuesReference();

    [GeneratedRegex(@"{{-?\s*define\s+""([^""]+)""")]
    private static partial Regex Define();

    [GeneratedRegex(@"(?:include|template)\s+""([^""]+)""")]
    private static partial Regex Include();

    [GeneratedRegex(@"{{-?\s*(if|range|with|define|block|end)\b")]
    private static partial Regex Action();

    [GeneratedRegex(@"^kind:\s*(\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelKind();

    [GeneratedRegex(@"^  ((?:Csms__|Urls|ASPNETCORE_|DOTNET_|OTEL_)\w*):", RegexOptions.Multiline)]
    private static partial Regex DataKey();

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemVer();
}
