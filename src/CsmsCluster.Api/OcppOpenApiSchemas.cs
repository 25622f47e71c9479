using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace CsmsCluster.Api;

/// <summary>
/// OpenAPI schemas of OCPP 1.6 payloads, read from the official JSON schemas embedded in this assembly. Local
/// <c>#/definitions/*</c> references (used by the security-extension schemas) are inlined, since a schema fragment in
/// an OpenAPI document cannot resolve them.
/// </summary>
internal static class OcppOpenApiSchemas
{
    private static readonly ConcurrentDictionary<string, OpenApiSchema?> Cache = new(StringComparer.Ordinal);

    /// <summary>The schema of <paramref name="action"/>'s request (or, with <paramref name="response"/>, its answer).</summary>
    public static OpenApiSchema? For(string action, bool response) =>
        Cache.GetOrAdd(response ? action + "Response" : action, Load);

    private static OpenApiSchema? Load(string name)
    {
        using var stream = typeof(OcppOpenApiSchemas).Assembly.GetManifestResourceStream($"ocpp16/{name}.json");
        if (stream is null || JsonNode.Parse(stream) is not JsonObject root)
        {
            return null;
        }

        var definitions = root["definitions"] as JsonObject;
        var inlined = Inline(root, definitions, depth: 0).AsObject();
        foreach (var key in new[] { "$schema", "$id", "id", "definitions" })
        {
            inlined.Remove(key);
        }

        var schema = OpenApiModelFactory.Parse<OpenApiSchema>(inlined.ToJsonString(), OpenApiSpecVersion.OpenApi3_1, new OpenApiDocument(), out _, "json");
        return schema;
    }

    private static JsonNode? Target(JsonObject obj, JsonObject? definitions)
    {
        const string prefix = "#/definitions/";
        return obj["$ref"] is JsonValue value && value.TryGetValue<string>(out var reference)
            && reference.StartsWith(prefix, StringComparison.Ordinal) && definitions is not null
            ? definitions[reference[prefix.Length..]]
            : null;
    }

    private static JsonNode Inline(JsonNode node, JsonObject? definitions, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, 32);
        switch (node)
        {
            case JsonObject obj when Target(obj, definitions) is { } target:
                return Inline(target, definitions, depth + 1);
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = value is null ? null : Inline(value, definitions, depth + 1);
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => item is null ? null : Inline(item, definitions, depth + 1))]);
            default:
                return node.DeepClone();
        }
    }
}
