namespace CsmsCluster.Api.Sites;

/// <summary><c>PUT /sites/{siteId}/grid-limits</c>: replaces the grid operator's schedule.</summary>
public sealed record GridLimitsBody(IReadOnlyList<GridLimitStepBody>? Steps);
