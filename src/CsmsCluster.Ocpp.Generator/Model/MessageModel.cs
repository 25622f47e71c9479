namespace CsmsCluster.Ocpp.Generator.Model;

/// <summary>One schema file: the request or response payload of an action.</summary>
/// <param name="Action">The action name, e.g. <c>BootNotification</c>.</param>
/// <param name="IsRequest">Whether this is the request (CALL) payload.</param>
/// <param name="Root">The generated payload type, e.g. <c>BootNotificationRequest</c>.</param>
internal sealed record MessageModel(string Action, bool IsRequest, GeneratedObject Root);
