using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CsmsCluster.Ocpp;

/// <summary>
/// Writes OCPP-J frames as compact JSON (<c>[2,"id","Action",{...}]</c>) to an <see cref="IBufferWriter{T}"/>.
/// </summary>
/// <remarks>
/// Payload and error-details bytes are copied verbatim and are not re-validated: pass JSON produced by the serializer
/// or a payload that was parsed and validated. Strings are escaped with
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>, which keeps non-ASCII text readable; the frames are
/// never embedded in HTML. A <see cref="Utf8JsonWriter"/> is cached per thread, so writing allocates nothing beyond
/// what the output buffer needs.
/// </remarks>
public static class OcppFrameWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    [ThreadStatic]
    private static Utf8JsonWriter? _cachedWriter;

    /// <summary>Writes <c>[2,"uniqueId","action",payload]</c>.</summary>
    /// <param name="output">Receives the frame.</param>
    /// <param name="uniqueId">The message id.</param>
    /// <param name="action">The action name.</param>
    /// <param name="payloadJson">The payload: one JSON object.</param>
    /// <exception cref="ArgumentException"><paramref name="payloadJson"/> is empty.</exception>
    public static void WriteCall(IBufferWriter<byte> output, string uniqueId, string action, ReadOnlySpan<byte> payloadJson)
    {
        ArgumentNullException.ThrowIfNull(action);
        RequirePayload(payloadJson);
        var json = Rent(output);
        try
        {
            WriteHeader(json, OcppMessageType.Call, uniqueId);
            json.WriteStringValue(action);
            json.WriteRawValue(payloadJson, skipInputValidation: true);
            json.WriteEndArray();
            json.Flush();
        }
        finally
        {
            Return(json);
        }
    }

    /// <summary>Writes <c>[2,"uniqueId","action",payload]</c>, serializing <paramref name="payload"/> straight into the frame.</summary>
    /// <typeparam name="T">The request type.</typeparam>
    /// <param name="output">Receives the frame.</param>
    /// <param name="uniqueId">The message id.</param>
    /// <param name="action">The action name.</param>
    /// <param name="payload">The request.</param>
    /// <param name="typeInfo">The source-generated metadata, e.g. <c>V16JsonContext.Default.ResetRequest</c>.</param>
    public static void WriteCall<T>(IBufferWriter<byte> output, string uniqueId, string action, T payload, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var json = Rent(output);
        try
        {
            WriteHeader(json, OcppMessageType.Call, uniqueId);
            json.WriteStringValue(action);
            JsonSerializer.Serialize(json, payload, typeInfo);
            json.WriteEndArray();
            json.Flush();
        }
        finally
        {
            Return(json);
        }
    }

    /// <summary>Writes <c>[3,"uniqueId",payload]</c>.</summary>
    /// <param name="output">Receives the frame.</param>
    /// <param name="uniqueId">The id of the CALL being answered.</param>
    /// <param name="payloadJson">The payload: one JSON object.</param>
    /// <exception cref="ArgumentException"><paramref name="payloadJson"/> is empty.</exception>
    public static void WriteCallResult(IBufferWriter<byte> output, string uniqueId, ReadOnlySpan<byte> payloadJson)
    {
        RequirePayload(payloadJson);
        var json = Rent(output);
        try
        {
            WriteHeader(json, OcppMessageType.CallResult, uniqueId);
            json.WriteRawValue(payloadJson, skipInputValidation: true);
            json.WriteEndArray();
            json.Flush();
        }
        finally
        {
            Return(json);
        }
    }

    /// <summary>Writes <c>[3,"uniqueId",payload]</c>, serializing <paramref name="payload"/> straight into the frame.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="output">Receives the frame.</param>
    /// <param name="uniqueId">The id of the CALL being answered.</param>
    /// <param name="payload">The response.</param>
    /// <param name="typeInfo">The source-generated metadata, e.g. <c>V16JsonContext.Default.HeartbeatResponse</c>.</param>
    public static void WriteCallResult<T>(IBufferWriter<byte> output, string uniqueId, T payload, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var json = Rent(output);
        try
        {
            WriteHeader(json, OcppMessageType.CallResult, uniqueId);
            JsonSerializer.Serialize(json, payload, typeInfo);
            json.WriteEndArray();
            json.Flush();
        }
        finally
        {
            Return(json);
        }
    }

    /// <summary>Writes <c>[4,"uniqueId","errorCode","description",details]</c>.</summary>
    /// <param name="output">Receives the frame.</param>
    /// <param name="uniqueId">The id of the CALL being answered, or <c>"-1"</c> when it could not be read.</param>
    /// <param name="wireErrorCode">The error code as spelled on the wire (see <see cref="OcppErrorCodes.ToWire"/>).</param>
    /// <param name="description">The error description; may be empty.</param>
    /// <param name="detailsJson">The error details JSON object; empty writes <c>{}</c>.</param>
    public static void WriteCallError(
        IBufferWriter<byte> output, string uniqueId, string wireErrorCode, string description, ReadOnlySpan<byte> detailsJson = default)
    {
        ArgumentNullException.ThrowIfNull(wireErrorCode);
        ArgumentNullException.ThrowIfNull(description);
        var json = Rent(output);
        try
        {
            WriteHeader(json, OcppMessageType.CallError, uniqueId);
            json.WriteStringValue(wireErrorCode);
            json.WriteStringValue(description);
            json.WriteRawValue(detailsJson.IsEmpty ? EmptyObject : detailsJson, skipInputValidation: true);
            json.WriteEndArray();
            json.Flush();
        }
        finally
        {
            Return(json);
        }
    }

    /// <summary>Writes a CALLERROR for a version-neutral <paramref name="errorCode"/>, spelled for <paramref name="version"/>.</summary>
    /// <param name="output">Receives the frame.</param>
    /// <param name="uniqueId">The id of the CALL being answered, or <c>"-1"</c> when it could not be read.</param>
    /// <param name="errorCode">The error kind.</param>
    /// <param name="version">The version of the connection.</param>
    /// <param name="description">The error description; may be empty.</param>
    /// <param name="detailsJson">The error details JSON object; empty writes <c>{}</c>.</param>
    public static void WriteCallError(
        IBufferWriter<byte> output,
        string uniqueId,
        OcppErrorCode errorCode,
        OcppVersion version,
        string description,
        ReadOnlySpan<byte> detailsJson = default) =>
        WriteCallError(output, uniqueId, OcppErrorCodes.ToWire(errorCode, version), description, detailsJson);

    /// <summary>Returns <c>[2,"uniqueId","action",payload]</c> as a new array.</summary>
    /// <inheritdoc cref="WriteCall(IBufferWriter{byte}, string, string, ReadOnlySpan{byte})" path="/param[not(@name='output')]"/>
    public static byte[] WriteCall(string uniqueId, string action, ReadOnlySpan<byte> payloadJson)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + payloadJson.Length);
        WriteCall(buffer, uniqueId, action, payloadJson);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Returns <c>[3,"uniqueId",payload]</c> as a new array.</summary>
    /// <inheritdoc cref="WriteCallResult(IBufferWriter{byte}, string, ReadOnlySpan{byte})" path="/param[not(@name='output')]"/>
    public static byte[] WriteCallResult(string uniqueId, ReadOnlySpan<byte> payloadJson)
    {
        var buffer = new ArrayBufferWriter<byte>(48 + payloadJson.Length);
        WriteCallResult(buffer, uniqueId, payloadJson);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Returns <c>[4,"uniqueId","errorCode","description",details]</c> as a new array.</summary>
    /// <inheritdoc cref="WriteCallError(IBufferWriter{byte}, string, string, string, ReadOnlySpan{byte})" path="/param[not(@name='output')]"/>
    public static byte[] WriteCallError(string uniqueId, string wireErrorCode, string description, ReadOnlySpan<byte> detailsJson = default)
    {
        var buffer = new ArrayBufferWriter<byte>(96 + description.Length + detailsJson.Length);
        WriteCallError(buffer, uniqueId, wireErrorCode, description, detailsJson);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteHeader(Utf8JsonWriter json, OcppMessageType type, string uniqueId)
    {
        ArgumentNullException.ThrowIfNull(uniqueId);
        json.WriteStartArray();
        json.WriteNumberValue((int)type);
        json.WriteStringValue(uniqueId);
    }

    private static void RequirePayload(ReadOnlySpan<byte> payloadJson)
    {
        if (payloadJson.IsEmpty)
        {
            throw new ArgumentException("The payload must be a JSON object such as {}.", nameof(payloadJson));
        }
    }

    /// <summary>Takes the thread's cached writer (or a new one) and points it at <paramref name="output"/>.</summary>
    private static Utf8JsonWriter Rent(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var json = _cachedWriter;
        if (json is null)
        {
            return new Utf8JsonWriter(output, WriterOptions);
        }

        // Taken out of the cache while in use, so a nested write on the same thread gets its own writer.
        _cachedWriter = null;
        json.Reset(output);
        return json;
    }

    private static void Return(Utf8JsonWriter json)
    {
        // Drops the reference to the caller's buffer so the cache does not keep it alive.
        json.Reset();
        _cachedWriter = json;
    }
}
