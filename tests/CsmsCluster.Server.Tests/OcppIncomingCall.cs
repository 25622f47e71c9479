using System.Text.Json;

namespace CsmsCluster.Server.Tests;

/// <summary>A CALL the CSMS sent to an <see cref="OcppTestClient"/>: its unique id (to answer it by), action and payload.</summary>
public sealed record OcppIncomingCall(string UniqueId, string Action, JsonElement Payload);
