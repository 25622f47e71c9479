namespace CsmsCluster.Server.Tests;

/// <summary>The CSMS answered a test client's CALL with a CALLERROR.</summary>
public sealed class OcppCallErrorException(string errorCode, string errorDescription)
    : Exception($"{errorCode}: {errorDescription}")
{
    public string ErrorCode { get; } = errorCode;

    public string ErrorDescription { get; } = errorDescription;
}
