using System.Text.Json;

namespace CsmsCluster.SmartCharging.Tests.Vectors;

/// <summary>The spec's test vectors, copied unchanged beside the tests.</summary>
internal static class VectorFile
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "smart-charging-vectors.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    public static JsonElement Get(string name) => Root.GetProperty(name);

    /// <summary>Every vector name (every top-level key but "common").</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var property in Root.EnumerateObject().Where(p => p.Name != "common"))
        {
            data.Add(property.Name);
        }
        return data;
    }

    /// <summary>An "expect" object as "k1=24.0 k2=24.0", in file order, for readable exact comparisons.</summary>
    public static string Format(JsonElement expect) =>
        string.Join(' ', expect.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetDouble():0.0########}"));

    public static IReadOnlyList<string> Keys(JsonElement expect) => [.. expect.EnumerateObject().Select(p => p.Name)];
}
