using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsmsCluster.Ocpp.Validation;

namespace CsmsCluster.Ocpp.Serialization;

/// <summary>
/// Reads any RFC 3339 date-time with <c>Z</c> or an offset and writes UTC with millisecond precision, e.g.
/// <c>2026-01-02T03:04:05.123Z</c>. OCPP 1.6 §3.1 and 2.0.1 Part 2 §2.1.2 ask for UTC timestamps; a fixed number of
/// fraction digits suits stations with strict parsers. Time below a millisecond is truncated when writing.
/// </summary>
public sealed class OcppDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private const int MaxEscapedLength = 256;

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date-time string, found {reader.TokenType}.");
        }

        DateTimeOffset value;
        bool ok;
        if (!reader.ValueIsEscaped)
        {
            ok = Rfc3339.TryParse(reader.ValueSpan, out value);
        }
        else if (reader.ValueSpan.Length <= MaxEscapedLength)
        {
            Span<byte> buffer = stackalloc byte[MaxEscapedLength];
            ok = Rfc3339.TryParse(buffer[..reader.CopyString(buffer)], out value);
        }
        else
        {
            (ok, value) = (false, default);
        }

        return ok ? value : throw new JsonException("The value is not an RFC 3339 date-time with an offset.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> buffer = stackalloc byte[32];
        if (!value.UtcDateTime.TryFormat(buffer, out var written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture))
        {
            throw new JsonException("The date-time could not be formatted.");
        }

        writer.WriteStringValue(buffer[..written]);
    }
}
