namespace CsmsCluster.Ocpp;

/// <summary>
/// One parsed OCPP-J frame (OCPP-J 1.6 §4.1). A <see langword="readonly"/> <see langword="struct"/> so parsing costs no
/// allocation beyond the id and action strings; <see cref="Payload"/> and <see cref="ErrorDetails"/> are slices of the
/// received message, so the frame is only valid while that buffer is neither reused nor returned to a pool.
/// </summary>
public readonly struct OcppFrame
{
    /// <summary>Creates a frame. Use <see cref="OcppFrameParser.Parse"/> to obtain frames from the wire.</summary>
    /// <param name="messageType">The message type number.</param>
    /// <param name="uniqueId">The message id correlating a CALL with its CALLRESULT or CALLERROR.</param>
    /// <param name="action">The action of a CALL; <see langword="null"/> otherwise.</param>
    /// <param name="payload">The payload JSON object of a CALL or CALLRESULT.</param>
    /// <param name="errorCode">The wire error code of a CALLERROR.</param>
    /// <param name="errorDescription">The error description of a CALLERROR.</param>
    /// <param name="errorDetails">The error details JSON object of a CALLERROR.</param>
    public OcppFrame(
        OcppMessageType messageType,
        string uniqueId,
        string? action,
        ReadOnlyMemory<byte> payload,
        string? errorCode,
        string? errorDescription,
        ReadOnlyMemory<byte> errorDetails)
    {
        MessageType = messageType;
        UniqueId = uniqueId;
        Action = action;
        Payload = payload;
        ErrorCode = errorCode;
        ErrorDescription = errorDescription;
        ErrorDetails = errorDetails;
    }

    /// <summary>The message type: CALL, CALLRESULT or CALLERROR.</summary>
    public OcppMessageType MessageType { get; }

    /// <summary>The message id (at most 36 characters) that correlates a request with its response.</summary>
    public string UniqueId { get; }

    /// <summary>The action name of a CALL, exactly as received (for example <c>BootNotification</c>); otherwise <see langword="null"/>.</summary>
    public string? Action { get; }

    /// <summary>
    /// The exact bytes of the payload JSON object of a CALL or CALLRESULT, sliced from the received message without
    /// re-serialization; empty for a CALLERROR.
    /// </summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The raw wire <c>errorCode</c> of a CALLERROR (convert with <see cref="OcppErrorCodes.TryParse"/>); otherwise <see langword="null"/>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The <c>errorDescription</c> of a CALLERROR; otherwise <see langword="null"/>.</summary>
    public string? ErrorDescription { get; }

    /// <summary>The exact bytes of the <c>errorDetails</c> JSON object of a CALLERROR; otherwise empty.</summary>
    public ReadOnlyMemory<byte> ErrorDetails { get; }
}
