namespace CsmsCluster.Ocpp.Generator.Model;

/// <summary>A C# class generated from an object schema: a message payload or a nested object.</summary>
/// <param name="name">The C# type name.</param>
/// <param name="description">The schema description, if any.</param>
/// <param name="allowsAdditionalProperties">
/// <see langword="true"/> unless the schema says <c>additionalProperties: false</c> (2.0.1 <c>CustomDataType</c>,
/// some 1.6 nested objects); such types keep unknown properties in an extension-data dictionary.
/// </param>
internal sealed class GeneratedObject(string name, string? description, bool allowsAdditionalProperties)
{
    public string Name { get; } = name;

    public string? Description { get; } = description;

    public bool AllowsAdditionalProperties { get; } = allowsAdditionalProperties;

    /// <summary>Properties in schema order.</summary>
    public List<GeneratedProperty> Properties { get; } = [];

    /// <summary>Required properties in the schema's <c>required</c> order, which is the order missing ones are reported in.</summary>
    public List<GeneratedProperty> Required { get; } = [];
}
