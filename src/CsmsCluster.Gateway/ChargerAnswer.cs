namespace CsmsCluster.Gateway;

/// <summary>A charger's CALLRESULT payload, or its CALLERROR code and description.</summary>
internal sealed record ChargerAnswer(byte[]? Payload, string? ErrorCode, string? ErrorDescription);
