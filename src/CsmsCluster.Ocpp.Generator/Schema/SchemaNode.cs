using System.Globalization;
using System.Text;

namespace CsmsCluster.Ocpp.Generator.Schema;

/// <summary>
/// One JSON Schema node, reduced to the keywords the OCPP schemas use. Annotation keywords (<c>$schema</c>,
/// <c>$id</c>, <c>$comment</c>, <c>javaType</c>, <c>title</c>, <c>default</c>) carry no validation meaning and
/// are dropped; <c>description</c> is kept for XML documentation.
/// </summary>
internal sealed class SchemaNode
{
    public string? Type { get; init; }

    public string? Ref { get; init; }

    public string? Description { get; init; }

    /// <summary>Properties in schema order, which is also the order the generated types serialize in.</summary>
    public IReadOnlyList<KeyValuePair<string, SchemaNode>> Properties { get; init; } = [];

    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary><see langword="false"/> only when the schema says <c>"additionalProperties": false</c>.</summary>
    public bool AdditionalProperties { get; init; } = true;

    public IReadOnlyList<string>? Enum { get; init; }

    public SchemaNode? Items { get; init; }

    public int? MaxLength { get; init; }

    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public decimal? MultipleOf { get; init; }

    public string? Format { get; init; }

    public IReadOnlyDictionary<string, SchemaNode> Definitions { get; init; } = new Dictionary<string, SchemaNode>();

    /// <summary>
    /// A canonical text of everything that affects the generated code except descriptions, used to prove that two
    /// occurrences of a type (a definition repeated in many files, or a 1.6 inline object repeated in many messages)
    /// are the same and can share one generated type. Property and required order are ignored: 1.6 lists the same
    /// <c>IdTagInfo</c> properties in different orders in different files.
    /// </summary>
    public string Signature => _signature ??= Sign();

    private string? _signature;

    private string Sign()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{{t:{Type};r:{Ref};f:{Format};ml:{MaxLength};min:{Minimum};max:{Maximum};");
        text.Append(CultureInfo.InvariantCulture, $"mi:{MinItems};ma:{MaxItems};mo:{MultipleOf};ap:{AdditionalProperties};");
        text.Append("req:").AppendJoin(',', Required.Order(StringComparer.Ordinal)).Append(';');
        if (Enum is not null)
        {
            text.Append("e:").AppendJoin(',', Enum).Append(';');
        }

        foreach (var (name, child) in Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('=').Append(child.Signature).Append(';');
        }

        if (Items is not null)
        {
            text.Append("i=").Append(Items.Signature);
        }

        return text.Append('}').ToString();
    }
}
