namespace CsmsCluster.Ocpp.Generator.Model;

/// <summary>One property of a <see cref="GeneratedObject"/>.</summary>
/// <param name="JsonName">The exact schema property name.</param>
/// <param name="ClrName">The C# property name.</param>
/// <param name="Description">The schema description, if any.</param>
/// <param name="IsRequired">Whether the schema lists it in <c>required</c>.</param>
/// <param name="Shape">The value type and its constraints.</param>
internal sealed record GeneratedProperty(string JsonName, string ClrName, string? Description, bool IsRequired, ValueShape Shape);
