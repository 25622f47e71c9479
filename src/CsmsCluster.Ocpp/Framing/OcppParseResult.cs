namespace CsmsCluster.Ocpp;

/// <summary>The outcome of <see cref="OcppFrameParser.Parse"/>: a frame, or the reason the message is not one.</summary>
public readonly struct OcppParseResult
{
    /// <summary>The message id to answer with when the id of a malformed message cannot be read (OCPP-J 2.0.1 §4.2.3).</summary>
    public const string UnknownUniqueId = "-1";

    private OcppParseResult(
        bool isSuccess,
        OcppFrame frame,
        OcppErrorCode errorCode,
        bool isUnknownMessageType,
        OcppMessageType? messageType,
        string uniqueId,
        string? errorDescription)
    {
        IsSuccess = isSuccess;
        Frame = frame;
        ErrorCode = errorCode;
        IsUnknownMessageType = isUnknownMessageType;
        MessageType = messageType;
        UniqueId = uniqueId;
        ErrorDescription = errorDescription;
    }

    /// <summary><see langword="true"/> when <see cref="Frame"/> holds a well-formed frame.</summary>
    public bool IsSuccess { get; }

    /// <summary>The parsed frame; <see langword="default"/> when parsing failed.</summary>
    public OcppFrame Frame { get; }

    /// <summary>
    /// Why parsing failed: <see cref="OcppErrorCode.FormationViolation"/> when the message is not a JSON array (or not
    /// JSON at all), <see cref="OcppErrorCode.ProtocolError"/> when it is a JSON array of the wrong shape. Use
    /// <see cref="ErrorCodeFor"/> for the code to send on a given version. Meaningless when <see cref="IsSuccess"/>.
    /// </summary>
    public OcppErrorCode ErrorCode { get; }

    /// <summary>
    /// <see langword="true"/> when the message was a JSON array whose message type number is not 2, 3 or 4. 2.0.1 answers
    /// such a message with <c>MessageTypeNotSupported</c> (OCPP-J 2.0.1 §4.3); <see cref="ErrorCode"/> is then
    /// <see cref="OcppErrorCode.ProtocolError"/>.
    /// </summary>
    public bool IsUnknownMessageType { get; }

    /// <summary>
    /// The message type, when it could be read and is known, even if parsing failed later. A receiver answers a malformed
    /// CALL with a CALLERROR but must not answer a malformed CALLRESULT or CALLERROR.
    /// </summary>
    public OcppMessageType? MessageType { get; }

    /// <summary>The message id: the frame's id, or on failure the id when it could be read, else <see cref="UnknownUniqueId"/>.</summary>
    public string UniqueId { get; }

    /// <summary>A human-readable description of the failure, suitable as a CALLERROR <c>errorDescription</c>.</summary>
    public string? ErrorDescription { get; }

    /// <summary>
    /// The error code to send for this failure on <paramref name="version"/>. On 1.6 this is <see cref="ErrorCode"/>. On
    /// 2.0.1 an unknown message type becomes <see cref="OcppErrorCode.MessageTypeNotSupported"/> and a JSON array of the
    /// wrong shape becomes <see cref="OcppErrorCode.RpcFrameworkError"/> ("not a valid RPC request", OCPP-J 2.0.1 §4.3).
    /// </summary>
    public OcppErrorCode ErrorCodeFor(OcppVersion version) => version switch
    {
        OcppVersion.V201 when IsUnknownMessageType => OcppErrorCode.MessageTypeNotSupported,
        OcppVersion.V201 when ErrorCode == OcppErrorCode.ProtocolError => OcppErrorCode.RpcFrameworkError,
        _ => ErrorCode,
    };

    internal static OcppParseResult Success(in OcppFrame frame) =>
        new(true, frame, default, false, frame.MessageType, frame.UniqueId, null);

    internal static OcppParseResult Failure(
        OcppErrorCode errorCode, OcppMessageType? messageType, string? uniqueId, string description, bool isUnknownMessageType = false) =>
        new(false, default, errorCode, isUnknownMessageType, messageType, uniqueId ?? UnknownUniqueId, description);
}
