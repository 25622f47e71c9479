using System.Text.Json;

namespace CsmsCluster.Ocpp;

/// <summary>
/// Parses OCPP-J frames (OCPP-J 1.6 §4.1, 2.0.1 §4.1) with a single forward pass of <see cref="Utf8JsonReader"/>:
/// <c>[2, "uniqueId", "Action", {payload}]</c>, <c>[3, "uniqueId", {payload}]</c> and
/// <c>[4, "uniqueId", "errorCode", "errorDescription", {errorDetails}]</c>.
/// </summary>
/// <remarks>
/// The payload is returned as a slice of the input, not re-serialized, so that validation and deserialization see
/// exactly what the station sent. A message that is not valid JSON always yields
/// <see cref="OcppErrorCode.FormationViolation"/>, even when a shape error occurs before the broken part, because the
/// reader checks the rest of the message before reporting a shape error.
/// </remarks>
public static class OcppFrameParser
{
    /// <summary>The longest message id allowed: OCPP-J 1.6 §4.1.4 and 2.0.1 §4.1.4 limit it to 36 characters.</summary>
    public const int MaxUniqueIdLength = 36;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>Parses one received WebSocket text message.</summary>
    /// <param name="message">The UTF-8 bytes of the message. The returned frame's payload slices refer to this memory.</param>
    /// <returns>The frame, or the error to answer with.</returns>
    public static OcppParseResult Parse(ReadOnlyMemory<byte> message)
    {
        if (message.IsEmpty)
        {
            return OcppParseResult.Failure(OcppErrorCode.FormationViolation, null, null, "Message is empty.");
        }

        var reader = new Utf8JsonReader(message.Span, ReaderOptions);
        OcppMessageType? messageType = null;
        string? uniqueId = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return OcppParseResult.Failure(OcppErrorCode.FormationViolation, null, null, "Message is not a JSON array.");
            }

            if (!NextElement(ref reader))
            {
                return ShapeError(ref reader, null, null, "Message is an empty array.");
            }

            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var typeId))
            {
                return ShapeError(ref reader, null, null, "Message type must be an integer.");
            }

            var known = typeId is (int)OcppMessageType.Call or (int)OcppMessageType.CallResult or (int)OcppMessageType.CallError;
            messageType = known ? (OcppMessageType)typeId : null;

            if (!NextElement(ref reader))
            {
                return ShapeError(ref reader, messageType, null, "Message id is missing.", !known);
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                return ShapeError(ref reader, messageType, null, "Message id must be a string.", !known);
            }

            uniqueId = reader.GetString()!;
            if (!known)
            {
                return ShapeError(ref reader, null, uniqueId, $"Message type {typeId} is not supported.", true);
            }

            if (uniqueId.Length > MaxUniqueIdLength)
            {
                return ShapeError(ref reader, messageType, uniqueId, "Message id is longer than 36 characters.");
            }

            return messageType switch
            {
                OcppMessageType.Call => ParseCall(ref reader, message, uniqueId),
                OcppMessageType.CallResult => ParseCallResult(ref reader, message, uniqueId),
                _ => ParseCallError(ref reader, message, uniqueId),
            };
        }
        catch (JsonException ex)
        {
            return OcppParseResult.Failure(
                OcppErrorCode.FormationViolation, messageType, uniqueId, $"Message is not valid JSON: {ex.Message}");
        }
    }

    private static OcppParseResult ParseCall(ref Utf8JsonReader reader, ReadOnlyMemory<byte> message, string uniqueId)
    {
        if (!NextElement(ref reader) || reader.TokenType != JsonTokenType.String)
        {
            return ShapeError(ref reader, OcppMessageType.Call, uniqueId, "CALL action must be a string.");
        }

        var action = OcppActionNames.Read(ref reader);
        if (!TryReadObject(ref reader, message, out var payload))
        {
            return ShapeError(ref reader, OcppMessageType.Call, uniqueId, "CALL payload must be a JSON object.");
        }

        if (!IsArrayEnd(ref reader))
        {
            return ShapeError(ref reader, OcppMessageType.Call, uniqueId, "CALL must have exactly 4 elements.");
        }

        return OcppParseResult.Success(new OcppFrame(OcppMessageType.Call, uniqueId, action, payload, null, null, default));
    }

    private static OcppParseResult ParseCallResult(ref Utf8JsonReader reader, ReadOnlyMemory<byte> message, string uniqueId)
    {
        if (!TryReadObject(ref reader, message, out var payload))
        {
            return ShapeError(ref reader, OcppMessageType.CallResult, uniqueId, "CALLRESULT payload must be a JSON object.");
        }

        if (!IsArrayEnd(ref reader))
        {
            return ShapeError(ref reader, OcppMessageType.CallResult, uniqueId, "CALLRESULT must have exactly 3 elements.");
        }

        return OcppParseResult.Success(new OcppFrame(OcppMessageType.CallResult, uniqueId, null, payload, null, null, default));
    }

    private static OcppParseResult ParseCallError(ref Utf8JsonReader reader, ReadOnlyMemory<byte> message, string uniqueId)
    {
        if (!NextElement(ref reader) || reader.TokenType != JsonTokenType.String)
        {
            return ShapeError(ref reader, OcppMessageType.CallError, uniqueId, "CALLERROR errorCode must be a string.");
        }

        var errorCode = reader.GetString()!;
        if (!NextElement(ref reader) || reader.TokenType != JsonTokenType.String)
        {
            return ShapeError(ref reader, OcppMessageType.CallError, uniqueId, "CALLERROR errorDescription must be a string.");
        }

        var description = reader.GetString()!;
        if (!TryReadObject(ref reader, message, out var details))
        {
            return ShapeError(ref reader, OcppMessageType.CallError, uniqueId, "CALLERROR errorDetails must be a JSON object.");
        }

        if (!IsArrayEnd(ref reader))
        {
            return ShapeError(ref reader, OcppMessageType.CallError, uniqueId, "CALLERROR must have exactly 5 elements.");
        }

        return OcppParseResult.Success(
            new OcppFrame(OcppMessageType.CallError, uniqueId, null, default, errorCode, description, details));
    }

    /// <summary>Moves to the next array element; <see langword="false"/> when the array ended instead.</summary>
    private static bool NextElement(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType != JsonTokenType.EndArray;

    /// <summary>Reads the next element as a JSON object and returns its exact bytes.</summary>
    private static bool TryReadObject(ref Utf8JsonReader reader, ReadOnlyMemory<byte> message, out ReadOnlyMemory<byte> json)
    {
        if (!NextElement(ref reader) || reader.TokenType != JsonTokenType.StartObject)
        {
            json = default;
            return false;
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        json = message[start..(int)reader.BytesConsumed];
        return true;
    }

    /// <summary>
    /// <see langword="true"/> when the array closes here and nothing but whitespace follows; trailing data makes the
    /// reader throw, which <see cref="Parse"/> reports as a formation violation.
    /// </summary>
    private static bool IsArrayEnd(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            return false;
        }

        reader.Read();
        return true;
    }

    /// <summary>
    /// Reports a JSON array of the wrong shape, after reading the rest of the message so that invalid JSON still wins
    /// (the reader throws and <see cref="Parse"/> turns that into a formation violation).
    /// </summary>
    private static OcppParseResult ShapeError(
        ref Utf8JsonReader reader, OcppMessageType? messageType, string? uniqueId, string description, bool unknownType = false)
    {
        while (reader.Read())
        {
        }

        return OcppParseResult.Failure(OcppErrorCode.ProtocolError, messageType, uniqueId, description, unknownType);
    }
}
