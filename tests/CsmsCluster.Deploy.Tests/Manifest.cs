namespace CsmsCluster.Deploy.Tests;

/// <summary>The objects one kustomize overlay renders to.</summary>
internal sealed class Manifest(string overlay, IReadOnlyList<JsonElement> objects)
{
    /// <summary>The overlay's directory name.</summary>
    public string Overlay { get; } = overlay;

    /// <summary>Every rendered object.</summary>
    public IReadOnlyList<JsonElement> Objects { get; } = objects;

    /// <summary>Objects of one kind.</summary>
    public IEnumerable<JsonElement> OfKind(string kind) => Objects.Where(o => o.Kind() == kind);

    /// <summary>Deployments and StatefulSets.</summary>
    public IReadOnlyList<JsonElement> Workloads => [.. Objects.Where(o => o.Kind() is "Deployment" or "StatefulSet")];

    /// <summary>The distinct kinds.</summary>
    public IReadOnlySet<string> Kinds => Objects.Select(o => o.Kind()).ToHashSet(StringComparer.Ordinal);

    /// <summary>The one object of a kind and name.</summary>
    public JsonElement Single(string kind, string name) =>
        Assert.Single(Objects, o => o.Kind() == kind && o.Name() == name);

    /// <summary>The containers of a workload's pod template.</summary>
    public static IEnumerable<JsonElement> Containers(JsonElement workload) => workload.ArrayAt("spec", "template", "spec", "containers");

    /// <summary>The labels of a workload's pod template.</summary>
    public static Dictionary<string, string> PodLabels(JsonElement workload) => workload.MapAt("spec", "template", "metadata", "labels");

    /// <summary>The workloads whose pods a selector picks.</summary>
    public IEnumerable<JsonElement> WorkloadsSelectedBy(IReadOnlyDictionary<string, string> selector) =>
        Workloads.Where(w => selector.Selects(PodLabels(w)));

    /// <summary>The environment variables a container gets from its ConfigMaps (envFrom) and its own env list.</summary>
    public Dictionary<string, string?> Environment(JsonElement container)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var source in container.ArrayAt("envFrom"))
        {
            if (source.StringAt("configMapRef", "name") is { } name)
            {
                foreach (var (key, value) in Single("ConfigMap", name).MapAt("data"))
                {
                    variables[key] = value;
                }
            }
        }

        foreach (var variable in container.ArrayAt("env"))
        {
            variables[variable.StringAt("name")!] = variable.StringAt("value");
        }

        return variables;
    }

    public override string ToString() => Overlay;
}
