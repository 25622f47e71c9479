using System.Text.Json.Serialization;

namespace CsmsCluster.Ocpp.Serialization;

/// <summary>
/// Serializes an OCPP enum as its wire string (honouring <see cref="JsonStringEnumMemberNameAttribute"/>, e.g.
/// <c>Energy.Active.Import.Register</c>) and, unlike the default <see cref="JsonStringEnumConverter{TEnum}"/>,
/// rejects integers when reading: OCPP enums are strings on the wire.
/// </summary>
/// <typeparam name="TEnum">The generated enum.</typeparam>
public sealed class OcppEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(namingPolicy: null, allowIntegerValues: false)
    where TEnum : struct, Enum;
