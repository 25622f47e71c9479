namespace CsmsCluster.Ocpp;

/// <summary>
/// The WebSocket subprotocol names negotiated in <c>Sec-WebSocket-Protocol</c> (OCPP-J 1.6 §3.1.2, OCPP-J 2.0.1 §3.1.2)
/// and their mapping to <see cref="OcppVersion"/>.
/// </summary>
public static class OcppSubprotocols
{
    /// <summary>The subprotocol name of OCPP 1.6 JSON.</summary>
    public const string V16 = "ocpp1.6";

    /// <summary>The subprotocol name of OCPP 2.0.1.</summary>
    public const string V201 = "ocpp2.0.1";

    /// <summary>Maps a subprotocol name to its version.</summary>
    /// <param name="subprotocol">The name offered by the client. Compared case-insensitively, because RFC 6455 leaves
    /// the case of tokens to the application and some stations send <c>OCPP1.6</c>.</param>
    /// <param name="version">The version, when the name is known.</param>
    /// <returns><see langword="true"/> when the name is a subprotocol this library speaks.</returns>
    public static bool TryParse(string? subprotocol, out OcppVersion version)
    {
        if (string.Equals(subprotocol, V16, StringComparison.OrdinalIgnoreCase))
        {
            version = OcppVersion.V16;
            return true;
        }

        if (string.Equals(subprotocol, V201, StringComparison.OrdinalIgnoreCase))
        {
            version = OcppVersion.V201;
            return true;
        }

        version = default;
        return false;
    }

    /// <summary>Returns the subprotocol name to answer with for <paramref name="version"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="OcppVersion"/>.</exception>
    public static string ToSubprotocol(OcppVersion version) => version switch
    {
        OcppVersion.V16 => V16,
        OcppVersion.V201 => V201,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown OCPP version."),
    };
}
