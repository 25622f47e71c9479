namespace CsmsCluster.Api.Sites;

/// <summary>
/// A weekly window: <c>day</c> (Monday..Sunday), <c>start</c> and <c>end</c> as <c>HH:mm</c> local time; an end at or
/// before the start runs past midnight into the next day.
/// </summary>
public sealed record ActivationWindowBody(string? Day, string? Start, string? End);
