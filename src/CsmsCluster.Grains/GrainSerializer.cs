using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CsmsCluster.Grains.Metadata;

namespace CsmsCluster.Grains;

/// <summary>
/// System.Text.Json for grain state (and call arguments and results on the wire) using only the source-generated
/// resolvers registered with <c>AddGrainJsonTypeInfo</c>, in registration order. There is no reflection fallback:
/// a type no resolver covers fails with a message naming it.
/// </summary>
public sealed class GrainSerializer
{
    private readonly JsonSerializerOptions _options;

    internal GrainSerializer(IEnumerable<GrainJsonTypeInfoRegistration> registrations)
    {
        var resolvers = registrations.Select(r => r.Resolver).ToArray();
        _options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(resolvers) };
        _options.MakeReadOnly();
    }

    /// <summary>The options (read-only) whose resolver chain is the registered one.</summary>
    public JsonSerializerOptions Options => _options;

    /// <summary>True when a registered resolver covers <paramref name="type"/>.</summary>
    public bool IsSupported(Type type) => _options.TryGetTypeInfo(type, out _);

    /// <summary>The type info for <paramref name="type"/>.</summary>
    /// <exception cref="NotSupportedException">No registered resolver covers the type.</exception>
    public JsonTypeInfo GetTypeInfo(Type type) =>
        _options.TryGetTypeInfo(type, out var info) ? info : throw new NotSupportedException(NotCoveredMessage(type));

    /// <summary>Serialises <paramref name="value"/> to UTF-8 JSON.</summary>
    public byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, (JsonTypeInfo<T>)GetTypeInfo(typeof(T)));

    /// <summary>Deserialises UTF-8 JSON.</summary>
    public T? Deserialize<T>(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize(utf8Json, (JsonTypeInfo<T>)GetTypeInfo(typeof(T)));

    internal static string NotCoveredMessage(Type type) =>
        $"No registered JSON type info covers {type.FullName}. Add [JsonSerializable(typeof({type.Name}))] to a " +
        "JsonSerializerContext and register it with services.AddGrainJsonTypeInfo(MyContext.Default).";
}
