using System.Text.Json;

namespace CsmsCluster.Ocpp.Generator.Schema;

/// <summary>Reads an OCPP JSON schema file (draft-04 or draft-06) into <see cref="SchemaNode"/>s.</summary>
internal static class SchemaReader
{
    private static readonly HashSet<string> KnownKeywords =
    [
        "type", "$ref", "description", "properties", "required", "additionalProperties", "enum", "items", "maxLength",
        "minimum", "maximum", "minItems", "maxItems", "multipleOf", "format", "definitions",
        "$schema", "$id", "id", "$comment", "javaType", "title", "default",
    ];

    public static SchemaNode ReadFile(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return Read(document.RootElement, path);
    }

    private static SchemaNode Read(JsonElement element, string where)
    {
        foreach (var property in element.EnumerateObject())
        {
            // An unknown keyword may carry a constraint the generated validators would silently ignore.
            if (!KnownKeywords.Contains(property.Name))
            {
                throw new InvalidDataException($"{where}: unsupported schema keyword '{property.Name}'.");
            }
        }

        var properties = new List<KeyValuePair<string, SchemaNode>>();
        if (element.TryGetProperty("properties", out var props))
        {
            foreach (var p in props.EnumerateObject())
            {
                properties.Add(new(p.Name, Read(p.Value, $"{where}/{p.Name}")));
            }
        }

        var definitions = new SortedDictionary<string, SchemaNode>(StringComparer.Ordinal);
        if (element.TryGetProperty("definitions", out var defs))
        {
            foreach (var d in defs.EnumerateObject())
            {
                definitions.Add(d.Name, Read(d.Value, $"{where}#{d.Name}"));
            }
        }

        return new SchemaNode
        {
            Type = String(element, "type"),
            Ref = String(element, "$ref"),
            Description = String(element, "description"),
            Properties = properties,
            Required = element.TryGetProperty("required", out var req) ? [.. req.EnumerateArray().Select(r => r.GetString()!)] : [],
            AdditionalProperties = !element.TryGetProperty("additionalProperties", out var ap) || ap.ValueKind != JsonValueKind.False,
            Enum = element.TryGetProperty("enum", out var en) ? [.. en.EnumerateArray().Select(e => e.GetString()!)] : null,
            Items = element.TryGetProperty("items", out var items) ? Read(items, $"{where}[]") : null,
            MaxLength = Int(element, "maxLength"),
            Minimum = Decimal(element, "minimum"),
            Maximum = Decimal(element, "maximum"),
            MinItems = Int(element, "minItems"),
            MaxItems = Int(element, "maxItems"),
            MultipleOf = Decimal(element, "multipleOf"),
            Format = String(element, "format"),
            Definitions = definitions,
        };
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? (int)value.GetDecimal() : null;

    private static decimal? Decimal(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetDecimal() : null;
}
