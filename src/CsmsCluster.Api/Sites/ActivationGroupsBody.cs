namespace CsmsCluster.Api.Sites;

/// <summary><c>PUT /sites/{siteId}/activation-groups</c>: replaces the activation groups (at most 10).</summary>
public sealed record ActivationGroupsBody(IReadOnlyList<ActivationGroupBody>? Groups);
