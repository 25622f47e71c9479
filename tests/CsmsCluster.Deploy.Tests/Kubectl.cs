using System.Text;

namespace CsmsCluster.Deploy.Tests;

/// <summary>
/// kubectl used offline: <c>kustomize</c> renders an overlay, and <c>annotate --local -o json</c> turns YAML documents
/// into JSON without a YAML library (removing an annotation nobody sets changes nothing). No API server is contacted:
/// <c>--local</c> never does, and the server address points at a closed port in case a version ever tried.
/// </summary>
internal static class Kubectl
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Renders <c>deploy/overlays/{overlay}</c> and returns its objects.</summary>
    public static async Task<IReadOnlyList<JsonElement>> KustomizeAsync(string directory, CancellationToken cancellationToken)
    {
        var rendered = await RunAsync(["kustomize", Repository.PathOf(directory)], null, cancellationToken);
        return await ToJsonAsync(rendered, cancellationToken);
    }

    /// <summary>Converts a stream of Kubernetes objects in YAML to JSON.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ToJsonAsync(string yaml, CancellationToken cancellationToken)
    {
        var json = await RunAsync(["annotate", "--local", "-f", "-", "-o", "json", "csms-deploy-tests-"], yaml, cancellationToken);
        return ParseStream(json);
    }

    /// <summary>Converts one YAML mapping that is not a Kubernetes object (values.yaml, Chart.yaml) to JSON.</summary>
    public static async Task<JsonElement> MappingToJsonAsync(string yaml, CancellationToken cancellationToken)
    {
        var wrapped = new StringBuilder("apiVersion: deploy-tests.csms.local/v1\nkind: YamlDocument\nmetadata:\n  name: document\nbody:\n");
        foreach (var line in yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            wrapped.Append("  ").Append(line).Append('\n');
        }

        var objects = await ToJsonAsync(wrapped.ToString(), cancellationToken);
        return Assert.Single(objects).GetProperty("body");
    }

    private static async Task<string> RunAsync(string[] arguments, string? input, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?>
        {
            ["KUBECONFIG"] = Path.Combine(Path.GetTempPath(), "csms-deploy-tests-no-kubeconfig"),
        };
        string[] all = [.. arguments, "--server=http://127.0.0.1:1"];
        if (arguments[0] == "kustomize")
        {
            all = arguments;
        }

        var result = await ToolRunner.RunAsync("kubectl", all, Repository.Root, Timeout, cancellationToken, input, environment);
        return result.EnsureSuccess("kubectl " + string.Join(' ', arguments)).StandardOutput;
    }

    private static List<JsonElement> ParseStream(string json)
    {
        var objects = new List<JsonElement>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.TryGetProperty("kind", out var kind) && kind.GetString() == "List")
            {
                objects.AddRange(root.GetProperty("items").EnumerateArray().Select(i => i.Clone()));
            }
            else
            {
                objects.Add(root.Clone());
            }
        }

        return objects;
    }
}
