namespace CsmsCluster.Ocpp;

/// <summary>
/// The version-neutral kinds of CALLERROR error codes (OCPP-J 1.6 §4.2.3, OCPP-J 2.0.1 §4.3). The wire spelling
/// differs per version; convert with <see cref="OcppErrorCodes"/>.
/// </summary>
public enum OcppErrorCode
{
    /// <summary>The payload is syntactically incorrect (1.6 <c>FormationViolation</c>, 2.0.1 <c>FormatViolation</c>).</summary>
    FormationViolation,

    /// <summary>The payload is incomplete for the action.</summary>
    ProtocolError,

    /// <summary>The requested action is not known by the receiver.</summary>
    NotImplemented,

    /// <summary>The requested action is recognized but not supported by the receiver.</summary>
    NotSupported,

    /// <summary>An internal error occurred and the receiver could not process the action.</summary>
    InternalError,

    /// <summary>A security issue prevented the receiver from completing the action.</summary>
    SecurityError,

    /// <summary>Any other error.</summary>
    GenericError,

    /// <summary>A field contains an invalid value (bad enum value, too long, out of range, not allowed, ...).</summary>
    PropertyConstraintViolation,

    /// <summary>
    /// A required field is missing or an array has the wrong number of elements (1.6 wire name is the specification's
    /// spelling <c>OccurenceConstraintViolation</c>, 2.0.1 <c>OccurrenceConstraintViolation</c>).
    /// </summary>
    OccurrenceConstraintViolation,

    /// <summary>A field has the wrong JSON type (for example a string where an integer is required).</summary>
    TypeConstraintViolation,

    /// <summary>A message with an unknown message type number was received (2.0.1 only; 1.6 sends <c>NotSupported</c>).</summary>
    MessageTypeNotSupported,

    /// <summary>The frame is not a conforming RPC frame (2.0.1 only; 1.6 sends <c>ProtocolError</c>).</summary>
    RpcFrameworkError,
}
