using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace CsmsCluster.Ocpp;

/// <summary>
/// Reads a CALL's action name, returning the shared string instance for every action of <see cref="OcppActionCatalog"/>
/// so that parsing a frame allocates no string for its action.
/// </summary>
internal static class OcppActionNames
{
    /// <summary>Longer than any OCPP action name; longer values are read as new strings.</summary>
    private const int MaxKnownLength = 64;

    private static readonly FrozenSet<string> Known = Enum.GetValues<OcppVersion>()
        .SelectMany(v => OcppActionCatalog.ChargerInitiated(v).Concat(OcppActionCatalog.CsmsInitiated(v)))
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownByChars =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns the string the reader is on, shared when it is a known action.</summary>
    public static string Read(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped && raw.Length <= MaxKnownLength)
        {
            Span<char> chars = stackalloc char[MaxKnownLength];
            if (Encoding.UTF8.TryGetChars(raw, chars, out var count) && KnownByChars.TryGetValue(chars[..count], out var known))
            {
                return known;
            }
        }

        return reader.GetString()!;
    }
}
