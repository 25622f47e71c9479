namespace CsmsCluster.Contracts;

/// <summary>A firmware, diagnostics or log-upload status notification.</summary>
/// <param name="Kind">Firmware, SignedFirmware, Diagnostics or Log.</param>
/// <param name="Status">The status as the charger sent it.</param>
/// <param name="RequestId">The request it belongs to (security extensions), if any.</param>
/// <param name="ReceivedAt">When it was received.</param>
public sealed record StatusEventRecord(string Kind, string Status, int? RequestId, DateTimeOffset ReceivedAt);
