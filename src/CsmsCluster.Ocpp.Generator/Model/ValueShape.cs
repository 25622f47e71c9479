namespace CsmsCluster.Ocpp.Generator.Model;

/// <summary>What a property value or array item is: the C# type it maps to and the checks it needs.</summary>
internal abstract record ValueShape;

/// <summary>A JSON primitive, or <see cref="PrimitiveKind.Any"/> for a property without a type.</summary>
internal sealed record PrimitiveShape(
    PrimitiveKind Kind,
    int? MaxLength = null,
    decimal? Minimum = null,
    decimal? Maximum = null,
    decimal? MultipleOf = null,
    string? Format = null) : ValueShape;

/// <summary>A string restricted to the values of a generated enum.</summary>
internal sealed record EnumShape(GeneratedEnum Enum) : ValueShape;

/// <summary>A JSON object mapped to a generated class.</summary>
internal sealed record ObjectShape(GeneratedObject Object) : ValueShape;

/// <summary>A JSON array.</summary>
internal sealed record ArrayShape(ValueShape Items, int? MinItems, int? MaxItems) : ValueShape;

/// <summary>The JSON primitive types.</summary>
internal enum PrimitiveKind
{
    String,
    Integer,
    Number,
    Boolean,
    Any,
}
