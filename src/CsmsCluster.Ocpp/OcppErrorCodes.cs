namespace CsmsCluster.Ocpp;

/// <summary>Converts <see cref="OcppErrorCode"/> to and from the wire spelling of each OCPP version.</summary>
public static class OcppErrorCodes
{
    /// <summary>Returns the CALLERROR <c>errorCode</c> string for <paramref name="code"/> in <paramref name="version"/>.</summary>
    /// <remarks>
    /// Codes that do not exist in 1.6 are mapped to their nearest 1.6 code: <see cref="OcppErrorCode.MessageTypeNotSupported"/>
    /// to <c>NotSupported</c> and <see cref="OcppErrorCode.RpcFrameworkError"/> to <c>ProtocolError</c>.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The code or version is not defined.</exception>
    public static string ToWire(OcppErrorCode code, OcppVersion version) => (code, version) switch
    {
        (OcppErrorCode.FormationViolation, OcppVersion.V16) => "FormationViolation",
        (OcppErrorCode.FormationViolation, OcppVersion.V201) => "FormatViolation",
        (OcppErrorCode.OccurrenceConstraintViolation, OcppVersion.V16) => "OccurenceConstraintViolation",
        (OcppErrorCode.OccurrenceConstraintViolation, OcppVersion.V201) => "OccurrenceConstraintViolation",
        (OcppErrorCode.MessageTypeNotSupported, OcppVersion.V16) => "NotSupported",
        (OcppErrorCode.MessageTypeNotSupported, OcppVersion.V201) => "MessageTypeNotSupported",
        (OcppErrorCode.RpcFrameworkError, OcppVersion.V16) => "ProtocolError",
        (OcppErrorCode.RpcFrameworkError, OcppVersion.V201) => "RpcFrameworkError",
        (_, OcppVersion.V16 or OcppVersion.V201) => CommonName(code),
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown OCPP version."),
    };

    /// <summary>Parses a received CALLERROR <c>errorCode</c>.</summary>
    /// <remarks>
    /// Matching is case-sensitive (the codes are an enumeration). Because stations mix up the spellings across versions,
    /// 1.6 also accepts <c>OccurrenceConstraintViolation</c> and 2.0.1 also accepts <c>FormationViolation</c> and
    /// <c>OccurenceConstraintViolation</c>. The 2.0.1-only codes are not accepted on 1.6.
    /// </remarks>
    /// <param name="wire">The received code.</param>
    /// <param name="version">The version of the connection it was received on.</param>
    /// <param name="code">The parsed code.</param>
    /// <returns><see langword="true"/> when <paramref name="wire"/> is a code of <paramref name="version"/>.</returns>
    public static bool TryParse(string? wire, OcppVersion version, out OcppErrorCode code)
    {
        code = wire switch
        {
            "FormationViolation" or "FormatViolation" => OcppErrorCode.FormationViolation,
            "ProtocolError" => OcppErrorCode.ProtocolError,
            "NotImplemented" => OcppErrorCode.NotImplemented,
            "NotSupported" => OcppErrorCode.NotSupported,
            "InternalError" => OcppErrorCode.InternalError,
            "SecurityError" => OcppErrorCode.SecurityError,
            "GenericError" => OcppErrorCode.GenericError,
            "PropertyConstraintViolation" => OcppErrorCode.PropertyConstraintViolation,
            "OccurenceConstraintViolation" or "OccurrenceConstraintViolation" => OcppErrorCode.OccurrenceConstraintViolation,
            "TypeConstraintViolation" => OcppErrorCode.TypeConstraintViolation,
            "MessageTypeNotSupported" => OcppErrorCode.MessageTypeNotSupported,
            "RpcFrameworkError" => OcppErrorCode.RpcFrameworkError,
            _ => (OcppErrorCode)(-1),
        };

        var known = version switch
        {
            // "FormatViolation" is the 2.0.1 spelling only; a 1.6 station never sends it.
            OcppVersion.V16 => (int)code >= 0 && wire != "FormatViolation"
                && code is not (OcppErrorCode.MessageTypeNotSupported or OcppErrorCode.RpcFrameworkError),
            OcppVersion.V201 => (int)code >= 0,
            _ => false,
        };

        if (!known)
        {
            code = default;
        }

        return known;
    }

    private static string CommonName(OcppErrorCode code) => code switch
    {
        OcppErrorCode.ProtocolError => "ProtocolError",
        OcppErrorCode.NotImplemented => "NotImplemented",
        OcppErrorCode.NotSupported => "NotSupported",
        OcppErrorCode.InternalError => "InternalError",
        OcppErrorCode.SecurityError => "SecurityError",
        OcppErrorCode.GenericError => "GenericError",
        OcppErrorCode.PropertyConstraintViolation => "PropertyConstraintViolation",
        OcppErrorCode.TypeConstraintViolation => "TypeConstraintViolation",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown OCPP error code."),
    };
}
