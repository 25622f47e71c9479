namespace CsmsCluster.Deploy.Tests;

/// <summary>Every overlay under deploy/overlays rendered once for the whole test assembly.</summary>
public sealed class RenderedOverlays : IAsyncLifetime
{
    private readonly Dictionary<string, Manifest> _manifests = new(StringComparer.Ordinal);

    /// <summary>The overlay directory names, for theories.</summary>
    public static TheoryData<string> Names => [.. OverlayNames()];

    internal Manifest this[string overlay] => _manifests[overlay];

    internal IEnumerable<Manifest> All => _manifests.Values;

    public async ValueTask InitializeAsync()
    {
        foreach (var name in OverlayNames())
        {
            var objects = await Kubectl.KustomizeAsync($"deploy/overlays/{name}", TestContext.Current.CancellationToken);
            _manifests[name] = new Manifest(name, objects);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static IEnumerable<string> OverlayNames() =>
        Directory.GetDirectories(Repository.PathOf("deploy/overlays")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
}
