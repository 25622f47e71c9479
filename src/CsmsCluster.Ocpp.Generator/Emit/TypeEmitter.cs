using CsmsCluster.Ocpp.Generator.Model;

namespace CsmsCluster.Ocpp.Generator.Emit;

/// <summary>
/// Emits the message and nested types: sealed classes with <c>init</c> properties named by
/// <c>[JsonPropertyName]</c>, <c>required</c> for required properties, nullable for optional ones, and C# enums
/// that serialize as their wire strings.
/// </summary>
internal static class TypeEmitter
{
    public static string Object(VersionModel version, string title, GeneratedObject type, ISet<string> messageNames)
    {
        var needsJsonElement = type.AllowsAdditionalProperties || type.Properties.Any(p => UsesJsonElement(p.Shape));
        var code = needsJsonElement
            ? new CodeWriter(title, "System.Text.Json", "System.Text.Json.Serialization")
            : new CodeWriter(title, "System.Text.Json.Serialization");
        code.Line($"namespace {version.Namespace};").Line();

        var isMessage = messageNames.Contains(type.Name);
        if (type.Description is not null)
        {
            code.Description(type.Description);
        }
        else
        {
            code.Summary(isMessage ? $"The payload of the {title} <c>{type.Name}</c> message." : $"The {title} <c>{type.Name}</c> type.");
        }

        code.Open($"public sealed class {type.Name}");

        var first = true;
        foreach (var property in type.Properties)
        {
            if (!first)
            {
                code.Line();
            }

            first = false;
            if (property.Description is not null)
            {
                code.Description(property.Description);
            }
            else
            {
                code.Summary($"The <c>{property.JsonName}</c> field{(property.IsRequired ? string.Empty : " (optional)")}.");
            }

            code.Line($"[JsonPropertyName(\"{property.JsonName}\")]");
            var clrType = ClrType(property.Shape);
            code.Line(property.IsRequired
                ? $"public required {clrType} {property.ClrName} {{ get; init; }}"
                : $"public {clrType}? {property.ClrName} {{ get; init; }}");
        }

        if (type.AllowsAdditionalProperties)
        {
            if (!first)
            {
                code.Line();
            }

            code.Summary("Properties the schema does not define; the schema allows them, so they are kept for round trips.");
            code.Line("[JsonExtensionData]");
            code.Line("public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }");
        }

        code.Close();
        return code.ToString();
    }

    public static string Enum(VersionModel version, string title, GeneratedEnum type)
    {
        var code = new CodeWriter(title, "System.Text.Json.Serialization", "CsmsCluster.Ocpp.Serialization");
        code.Line($"namespace {version.Namespace};").Line();
        if (type.Description is not null)
        {
            code.Description(type.Description);
        }
        else
        {
            code.Summary($"The {title} <c>{type.Name}</c> values.");
        }

        code.Line($"[JsonConverter(typeof(OcppEnumConverter<{type.Name}>))]");
        code.Open($"public enum {type.Name}");
        for (var i = 0; i < type.Members.Count; i++)
        {
            var member = type.Members[i];
            if (i > 0)
            {
                code.Line();
            }

            code.Summary($"<c>{member.WireName}</c>.");
            if (member.WireName != member.MemberName)
            {
                code.Line($"[JsonStringEnumMemberName(\"{member.WireName}\")]");
            }

            code.Line($"{member.MemberName},");
        }

        code.Close();
        return code.ToString();
    }

    /// <summary>The C# type of a value, without nullability.</summary>
    public static string ClrType(ValueShape shape) => shape switch
    {
        PrimitiveShape { Kind: PrimitiveKind.String, Format: "date-time" } => "DateTimeOffset",
        PrimitiveShape { Kind: PrimitiveKind.String } => "string",
        PrimitiveShape { Kind: PrimitiveKind.Integer } => "int",
        PrimitiveShape { Kind: PrimitiveKind.Number } => "decimal",
        PrimitiveShape { Kind: PrimitiveKind.Boolean } => "bool",
        PrimitiveShape { Kind: PrimitiveKind.Any } => "JsonElement",
        EnumShape e => e.Enum.Name,
        ObjectShape o => o.Object.Name,
        ArrayShape a => $"IReadOnlyList<{ClrType(a.Items)}>",
        _ => throw new InvalidOperationException($"Unknown shape {shape}."),
    };

    private static bool UsesJsonElement(ValueShape shape) => shape switch
    {
        PrimitiveShape { Kind: PrimitiveKind.Any } => true,
        ArrayShape a => UsesJsonElement(a.Items),
        _ => false,
    };
}
