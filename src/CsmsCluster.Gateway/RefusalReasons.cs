namespace CsmsCluster.Gateway;

/// <summary>Why an upgrade was refused: the <c>reason</c> tag of <c>csms.gateway.connections.refused</c>.</summary>
internal static class RefusalReasons
{
    /// <summary>The node is at its connection cap (503).</summary>
    public const string AtCapacity = "at_capacity";

    /// <summary>The node's upgrade bucket is empty (503).</summary>
    public const string UpgradeRate = "upgrade_rate";

    /// <summary>Missing or wrong credentials (401).</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>Unknown charge point while registration is required (404).</summary>
    public const string Unknown = "unknown_charge_point";

    /// <summary>Not a WebSocket request, a bad id or no supported subprotocol (400).</summary>
    public const string BadRequest = "bad_request";

    /// <summary>The grain could not be reached (503).</summary>
    public const string Unavailable = "unavailable";
}
