namespace CsmsCluster.Deploy.Tests;

/// <summary>Small helpers for reading rendered Kubernetes objects.</summary>
internal static class JsonElementExtensions
{
    /// <summary>The element at a property path, or null when any step is missing.</summary>
    public static JsonElement? At(this JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>A string at a path, or null.</summary>
    public static string? StringAt(this JsonElement element, params string[] path) =>
        element.At(path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>The items of an array at a path; empty when missing.</summary>
    public static IEnumerable<JsonElement> ArrayAt(this JsonElement element, params string[] path) =>
        element.At(path) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];

    /// <summary>A string-to-string map (labels, selectors, ConfigMap data) at a path; empty when missing.</summary>
    public static Dictionary<string, string> MapAt(this JsonElement element, params string[] path) =>
        element.At(path) is { ValueKind: JsonValueKind.Object } value
            ? value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The object's kind.</summary>
    public static string Kind(this JsonElement resource) => resource.StringAt("kind") ?? "";

    /// <summary>The object's name.</summary>
    public static string Name(this JsonElement resource) => resource.StringAt("metadata", "name") ?? "";

    /// <summary>Kind and name, for messages.</summary>
    public static string Describe(this JsonElement resource) => $"{resource.Kind()}/{resource.Name()}";

    /// <summary>True when every pair of <paramref name="selector"/> is among <paramref name="labels"/>.</summary>
    public static bool Selects(this IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
