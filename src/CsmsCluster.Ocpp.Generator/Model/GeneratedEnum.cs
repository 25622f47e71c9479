namespace CsmsCluster.Ocpp.Generator.Model;

/// <summary>A C# enum generated from a string <c>enum</c> schema.</summary>
/// <param name="Name">The C# type name.</param>
/// <param name="Description">The schema description, if any.</param>
/// <param name="Members">Wire values with their C# member names, in schema order.</param>
internal sealed record GeneratedEnum(string Name, string? Description, IReadOnlyList<EnumMember> Members);

/// <summary>One enum value.</summary>
/// <param name="WireName">The string on the wire, e.g. <c>Energy.Active.Import.Register</c>.</param>
/// <param name="MemberName">The C# identifier, e.g. <c>EnergyActiveImportRegister</c>.</param>
internal sealed record EnumMember(string WireName, string MemberName);
