using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace CsmsCluster.Ocpp.Validation;

/// <summary>
/// The per-value checks that the generated validators call. Each takes the reader positioned on the value token and
/// returns <see langword="null"/> when the value is acceptable. The error codes follow
/// <see cref="IOcppPayloadValidator"/>.
/// </summary>
internal static class PayloadChecks
{
    /// <summary>Longest escaped string copied to the stack; longer ones use a pooled buffer.</summary>
    private const int StackLimit = 256;

    public static ValidationError? String(ref Utf8JsonReader reader, int maxLength)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return ValidationError.TypeMismatch("string", reader.TokenType);
        }

        return maxLength >= 0 && CodePointLength(ref reader, maxLength) > maxLength
            ? ValidationError.Property($"string longer than maxLength {maxLength.ToString(CultureInfo.InvariantCulture)}")
            : null;
    }

    public static ValidationError? DateTime(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return ValidationError.TypeMismatch("string", reader.TokenType);
        }

        var ok = reader.ValueIsEscaped ? DateTimeEscaped(ref reader) : Rfc3339.TryParse(reader.ValueSpan, out _);
        return ok ? null : ValidationError.Property("string is not an RFC 3339 date-time");
    }

    public static ValidationError? Uri(ref Utf8JsonReader reader, int maxLength)
    {
        var error = String(ref reader, maxLength);
        if (error is not null)
        {
            return error;
        }

        bool ok;
        if (!reader.ValueIsEscaped)
        {
            ok = UriSyntax.IsUri(reader.ValueSpan);
        }
        else
        {
            var rented = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
            var length = reader.CopyString(rented);
            ok = UriSyntax.IsUri(rented.AsSpan(0, length));
            ArrayPool<byte>.Shared.Return(rented);
        }

        return ok ? null : ValidationError.Property("string is not a URI");
    }

    public static ValidationError? Integer(ref Utf8JsonReader reader, int minimum, int maximum)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return ValidationError.TypeMismatch("integer", reader.TokenType);
        }

        if (!reader.TryGetInt32(out var value))
        {
            // The generated types use int: a fraction or exponent is not an integer for them, nor is anything beyond 32 bits.
            return reader.ValueSpan.IndexOfAny(".eE"u8) >= 0
                ? ValidationError.TypeMismatch("integer", JsonTokenType.Number)
                : ValidationError.Type("integer outside the 32-bit range");
        }

        if (value < minimum)
        {
            return ValidationError.Property($"value less than minimum {minimum.ToString(CultureInfo.InvariantCulture)}");
        }

        return value > maximum
            ? ValidationError.Property($"value greater than maximum {maximum.ToString(CultureInfo.InvariantCulture)}")
            : null;
    }

    public static ValidationError? Number(ref Utf8JsonReader reader, decimal? minimum, decimal? maximum, decimal? multipleOf)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return ValidationError.TypeMismatch("number", reader.TokenType);
        }

        if (!reader.TryGetDecimal(out var value))
        {
            return ValidationError.Type("number outside the decimal range");
        }

        if (value < minimum)
        {
            return ValidationError.Property($"value less than minimum {minimum.Value.ToString(CultureInfo.InvariantCulture)}");
        }

        if (value > maximum)
        {
            return ValidationError.Property($"value greater than maximum {maximum.Value.ToString(CultureInfo.InvariantCulture)}");
        }

        return multipleOf is { } step && value % step != 0m
            ? ValidationError.Property($"value not a multiple of {step.ToString(CultureInfo.InvariantCulture)}")
            : null;
    }

    public static ValidationError? Boolean(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.True or JsonTokenType.False ? null : ValidationError.TypeMismatch("boolean", reader.TokenType);

    /// <summary>Accepts any JSON value (a property without a type, such as 2.0.1 <c>DataTransfer.data</c>) and skips it.</summary>
    public static ValidationError? Any(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    public static ValidationError TooFewItems(int minItems) =>
        ValidationError.Occurrence($"array has fewer than minItems {minItems.ToString(CultureInfo.InvariantCulture)} items");

    public static ValidationError TooManyItems(int maxItems) =>
        ValidationError.Occurrence($"array has more than maxItems {maxItems.ToString(CultureInfo.InvariantCulture)} items");

    /// <summary>
    /// The length in Unicode code points, as JSON Schema's <c>maxLength</c> counts; exact only up to
    /// <paramref name="limit"/>, beyond which any larger number will do.
    /// </summary>
    private static int CodePointLength(ref Utf8JsonReader reader, int limit)
    {
        var raw = reader.ValueSpan;

        // A code point takes at least one byte and unescaping only shrinks text, so a short value needs no counting.
        if (raw.Length <= limit)
        {
            return raw.Length;
        }

        if (!reader.ValueIsEscaped)
        {
            return CountCodePoints(raw);
        }

        if (raw.Length <= StackLimit)
        {
            Span<byte> buffer = stackalloc byte[StackLimit];
            return CountCodePoints(buffer[..reader.CopyString(buffer)]);
        }

        var rented = ArrayPool<byte>.Shared.Rent(raw.Length);
        var count = CountCodePoints(rented.AsSpan(0, reader.CopyString(rented)));
        ArrayPool<byte>.Shared.Return(rented);
        return count;
    }

    /// <summary>Counts code points in valid UTF-8 (the reader has validated it): every byte that is not a continuation byte.</summary>
    private static int CountCodePoints(ReadOnlySpan<byte> utf8)
    {
        var continuation = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) == 0x80)
            {
                continuation++;
            }
        }

        return utf8.Length - continuation;
    }

    private static bool DateTimeEscaped(ref Utf8JsonReader reader)
    {
        // A date-time has at most a few dozen characters; an escaped form longer than the buffer cannot be one.
        if (reader.ValueSpan.Length > StackLimit)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[StackLimit];
        return Rfc3339.TryParse(buffer[..reader.CopyString(buffer)], out _);
    }
}
