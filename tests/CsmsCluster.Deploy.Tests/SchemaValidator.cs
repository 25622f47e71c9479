using System.Text.RegularExpressions;

namespace CsmsCluster.Deploy.Tests;

/// <summary>
/// The part of JSON Schema draft-07 that values.schema.json uses: type, enum, required, properties,
/// additionalProperties, items, minimum, maximum, minLength, pattern and local $ref. Any other keyword fails the
/// check, so the schema cannot silently outgrow this validator.
/// </summary>
internal sealed class SchemaValidator(JsonElement root)
{
    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "$schema", "$ref", "title", "description", "definitions", "type", "enum", "required", "properties",
        "additionalProperties", "items", "minimum", "maximum", "minLength", "pattern",
    };

    /// <summary>Every violation of the schema by <paramref name="instance"/>, as "path: problem".</summary>
    public List<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject().Where(k => !Supported.Contains(k.Name)))
        {
            errors.Add($"{path}: schema keyword '{keyword.Name}' is not supported by this check");
        }

        if (schema.StringAt("$ref") is { } reference)
        {
            Check(Resolve(reference), value, path, errors);
        }

        if (schema.At("type") is { } type && !TypeMatches(type, value))
        {
            errors.Add($"{path}: {value.ValueKind} is not of type {type}");
            return;
        }

        if (schema.At("enum") is { } allowed && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            errors.Add($"{path}: {value} is not one of {allowed}");
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            if (schema.At("minimum") is { } min && value.GetDouble() < min.GetDouble())
            {
                errors.Add($"{path}: {value} is below the minimum {min}");
            }

            if (schema.At("maximum") is { } max && value.GetDouble() > max.GetDouble())
            {
                errors.Add($"{path}: {value} is above the maximum {max}");
            }
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (schema.At("minLength") is { } minLength && text.Length < minLength.GetInt32())
            {
                errors.Add($"{path}: '{text}' is shorter than {minLength}");
            }

            if (schema.StringAt("pattern") is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                errors.Add($"{path}: '{text}' does not match {pattern}");
            }
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(schema, value, path, errors);
        }

        if (value.ValueKind == JsonValueKind.Array && schema.At("items") is { } items)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{path}[{index++}]", errors);
            }
        }
    }

    private void CheckObject(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        foreach (var required in schema.ArrayAt("required").Select(r => r.GetString()!))
        {
            if (!value.TryGetProperty(required, out _))
            {
                errors.Add($"{path}: required property '{required}' is missing");
            }
        }

        var properties = schema.At("properties");
        foreach (var property in value.EnumerateObject())
        {
            var childPath = $"{path}.{property.Name}";
            if (properties is { } declared && declared.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(propertySchema, property.Value, childPath, errors);
            }
            else if (schema.At("additionalProperties") is { } additional)
            {
                if (additional.ValueKind == JsonValueKind.False)
                {
                    errors.Add($"{childPath}: property not allowed");
                }
                else if (additional.ValueKind == JsonValueKind.Object)
                {
                    Check(additional, property.Value, childPath, errors);
                }
            }
        }
    }

    private JsonElement Resolve(string reference)
    {
        Assert.StartsWith("#/definitions/", reference, StringComparison.Ordinal);
        return root.GetProperty("definitions").GetProperty(reference["#/definitions/".Length..]);
    }

    private static bool TypeMatches(JsonElement type, JsonElement value) =>
        type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Any(t => IsOfType(t.GetString()!, value))
            : IsOfType(type.GetString()!, value);

    private static bool IsOfType(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        _ => throw new InvalidOperationException($"unknown schema type {type}"),
    };
}
