namespace CsmsCluster.Contracts;

/// <summary>The charge point's answer to a connection attempt.</summary>
public enum ConnectResult
{
    /// <summary>Accept the WebSocket upgrade.</summary>
    Accepted,

    /// <summary>The charge point has a password and the credentials are missing or wrong: HTTP 401.</summary>
    Unauthorized,

    /// <summary>Registration is required and this charge point is not registered: HTTP 404.</summary>
    NotRegistered,
}
