namespace CsmsCluster.Api.Sites;

/// <summary>An activation group: weekly windows in the site's local time.</summary>
public sealed record ActivationGroupBody(string? Id, IReadOnlyList<ActivationWindowBody>? Windows);
