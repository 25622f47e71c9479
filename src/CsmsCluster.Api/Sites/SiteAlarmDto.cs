namespace CsmsCluster.Api.Sites;

/// <summary>An alarm of the site's loop.</summary>
public sealed record SiteAlarmDto(DateTimeOffset At, string ConnectorId, string Kind, string Message);
