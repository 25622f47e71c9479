namespace CsmsCluster.Gateway;

/// <summary>Why a charger connection ended: the <c>reason</c> tag of <c>csms.gateway.connections.closed</c>.</summary>
internal static class CloseReasons
{
    /// <summary>The charger closed it or the socket broke (including a missed pong).</summary>
    public const string Ended = "ended";

    /// <summary>A newer connection of the same charger replaced it.</summary>
    public const string Replaced = "replaced";

    /// <summary>The charger flooded past the hard message-rate threshold (1008).</summary>
    public const string Flood = "flood";

    /// <summary>The charger left too many CSMS calls unanswered (1008).</summary>
    public const string Zombie = "zombie";

    /// <summary>A message over the maximum frame size (1009) or a binary message (1003).</summary>
    public const string BadFrame = "bad_frame";

    /// <summary>The node is shutting down (1001).</summary>
    public const string Shutdown = "shutdown";
}
