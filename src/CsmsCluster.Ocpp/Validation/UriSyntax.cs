namespace CsmsCluster.Ocpp.Validation;

/// <summary>
/// Checks JSON Schema's <c>format: uri</c>: an absolute URI per RFC 3986 §3, i.e. a scheme
/// (<c>ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )</c>), a colon, and then only URI characters, with every <c>%</c>
/// starting a two-digit hex escape. This is a character-level check rather than <see cref="System.Uri"/>, which also
/// accepts file-system paths and non-ASCII text.
/// </summary>
internal static class UriSyntax
{
    public static bool IsUri(ReadOnlySpan<byte> utf8)
    {
        var colon = utf8.IndexOf((byte)':');
        if (colon < 1 || !IsAlpha(utf8[0]))
        {
            return false;
        }

        foreach (var b in utf8[1..colon])
        {
            if (!IsAlpha(b) && !IsDigit(b) && b is not ((byte)'+' or (byte)'-' or (byte)'.'))
            {
                return false;
            }
        }

        var rest = utf8[(colon + 1)..];
        for (var i = 0; i < rest.Length; i++)
        {
            var b = rest[i];
            if (b == '%')
            {
                if (i + 2 >= rest.Length || !IsHex(rest[i + 1]) || !IsHex(rest[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!IsUriCharacter(b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 3986 unreserved and reserved characters.</summary>
    private static bool IsUriCharacter(byte b) =>
        IsAlpha(b) || IsDigit(b) || "-._~:/?#[]@!$&'()*+,;="u8.Contains(b);

    private static bool IsAlpha(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static bool IsHex(byte b) => IsDigit(b) || (uint)((b | 0x20) - 'a') <= 'f' - 'a';
}
