namespace CsmsCluster.Grains;

/// <summary>A grain's stored state as claimed by an activation.</summary>
/// <param name="Payload">The serialised state, or null when none was ever written (or it was cleared).</param>
/// <param name="Version">The version the activation now holds; its next write must name it.</param>
public sealed record GrainStateRecord(byte[]? Payload, long Version);
