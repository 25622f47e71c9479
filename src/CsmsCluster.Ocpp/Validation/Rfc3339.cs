namespace CsmsCluster.Ocpp.Validation;

/// <summary>
/// Parses the RFC 3339 §5.6 <c>date-time</c> production that JSON Schema's <c>format: date-time</c> means:
/// <c>YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)</c>, with <c>T</c> and <c>Z</c> in either case. A time
/// without an offset is rejected: OCPP timestamps are instants. Shared by the validators and
/// <see cref="Serialization.OcppDateTimeOffsetConverter"/>, so whatever validates also deserializes.
/// </summary>
internal static class Rfc3339
{
    private const int MaxOffsetMinutes = 14 * 60;

    /// <summary>Parses <paramref name="utf8"/>.</summary>
    /// <returns><see langword="false"/> when the text is not a date-time or not representable as a <see cref="DateTimeOffset"/>
    /// (year 0, or an offset beyond ±14:00).</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
    {
        value = default;
        if (utf8.Length < 20
            || !TryDigits(utf8, 0, 4, out var year) || utf8[4] != '-'
            || !TryDigits(utf8, 5, 2, out var month) || utf8[7] != '-'
            || !TryDigits(utf8, 8, 2, out var day) || (utf8[10] | 0x20) != 't'
            || !TryDigits(utf8, 11, 2, out var hour) || utf8[13] != ':'
            || !TryDigits(utf8, 14, 2, out var minute) || utf8[16] != ':'
            || !TryDigits(utf8, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > System.DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var position = 19;
        long fractionTicks = 0;
        if (utf8[position] == '.')
        {
            position++;
            var digits = 0;
            while (position < utf8.Length && IsDigit(utf8[position]))
            {
                // DateTimeOffset resolves 100 ns (7 digits); further digits are truncated.
                if (digits < 7)
                {
                    fractionTicks = (fractionTicks * 10) + (utf8[position] - '0');
                }

                digits++;
                position++;
            }

            if (digits == 0)
            {
                return false;
            }

            for (var i = digits; i < 7; i++)
            {
                fractionTicks *= 10;
            }
        }

        if (!TryOffset(utf8[position..], out var offsetMinutes))
        {
            return false;
        }

        // A leap second (:60) is valid RFC 3339; DateTimeOffset cannot hold it, so it becomes the next second.
        var local = new System.DateTime(year, month, day, hour, minute, Math.Min(second, 59)).Ticks
            + fractionTicks + (second == 60 ? TimeSpan.TicksPerSecond : 0);
        var utc = local - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (local > System.DateTime.MaxValue.Ticks || utc < 0 || utc > System.DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(local, TimeSpan.FromMinutes(offsetMinutes));
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<byte> utf8, out int minutes)
    {
        minutes = 0;
        if (utf8.Length == 1 && (utf8[0] | 0x20) == 'z')
        {
            return true;
        }

        if (utf8.Length != 6 || (utf8[0] != '+' && utf8[0] != '-') || utf8[3] != ':'
            || !TryDigits(utf8, 1, 2, out var hours) || !TryDigits(utf8, 4, 2, out var mins) || hours > 23 || mins > 59)
        {
            return false;
        }

        minutes = (hours * 60) + mins;
        if (minutes > MaxOffsetMinutes)
        {
            return false;
        }

        if (utf8[0] == '-')
        {
            minutes = -minutes;
        }

        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> utf8, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!IsDigit(utf8[i]))
            {
                return false;
            }

            value = (value * 10) + (utf8[i] - '0');
        }

        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
