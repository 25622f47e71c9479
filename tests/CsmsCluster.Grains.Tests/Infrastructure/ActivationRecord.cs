namespace CsmsCluster.Grains.Tests.Infrastructure;

/// <summary>One activation as the observer saw it.</summary>
public sealed record ActivationRecord(GrainId GrainId, Guid ActivationId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, DeactivationReason? Reason);
