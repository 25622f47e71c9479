namespace CsmsCluster.Ocpp;

/// <summary>The outcome of <see cref="IOcppPayloadValidator.Validate"/>.</summary>
public readonly struct OcppValidationResult
{
    private OcppValidationResult(bool isValid, OcppErrorCode errorCode, string path, string message)
    {
        IsValid = isValid;
        ErrorCode = errorCode;
        Path = path;
        Message = message;
    }

    /// <summary>The result of a valid payload.</summary>
    public static OcppValidationResult Success { get; } = new(true, default, string.Empty, string.Empty);

    /// <summary><see langword="true"/> when the payload satisfies its schema.</summary>
    public bool IsValid { get; }

    /// <summary>The CALLERROR code for the violation; meaningless when <see cref="IsValid"/>.</summary>
    public OcppErrorCode ErrorCode { get; }

    /// <summary>
    /// A JSON Pointer (RFC 6901) to the offending value, e.g. <c>/meterValue/0/sampledValue/1/unit</c>; empty for the
    /// whole payload. For a missing required property it points at where the property should be.
    /// </summary>
    public string Path { get; }

    /// <summary>What is wrong, e.g. <c>string longer than maxLength 20</c>.</summary>
    public string Message { get; }

    /// <summary>
    /// <see cref="Path"/> and <see cref="Message"/> together, e.g. <c>/idTag: string longer than maxLength 20</c>;
    /// suitable as a CALLERROR <c>errorDescription</c>. Empty when valid.
    /// </summary>
    public string Description => IsValid ? string.Empty : $"{(Path.Length == 0 ? "(payload)" : Path)}: {Message}";

    /// <inheritdoc />
    public override string ToString() => IsValid ? "Valid" : $"{ErrorCode} {Description}";

    internal static OcppValidationResult Failure(OcppErrorCode errorCode, string path, string message) =>
        new(false, errorCode, path, message);
}
