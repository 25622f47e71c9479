namespace CsmsCluster.Gateway;

/// <summary>The per-charger message limits of a node, precomputed once from <see cref="OcppGatewayOptions"/>.</summary>
internal sealed class MessageRateLimits
{
    /// <summary>Computes the limits for the timestamps of <paramref name="timestampFrequency"/>.</summary>
    public MessageRateLimits(OcppGatewayOptions options, long timestampFrequency)
    {
        Rate = new TokenRate(options.MaxMessagesPerSecond, options.MessageBurst, timestampFrequency);
        WindowTicks = Math.Max(1, (long)(options.FloodCloseWindow.TotalSeconds * timestampFrequency));
        FloodThreshold = Math.Max(1, (long)Math.Ceiling(options.FloodCloseFactor * options.MaxMessagesPerSecond * options.FloodCloseWindow.TotalSeconds));
    }

    /// <summary>The CALL token bucket's rate and size.</summary>
    public TokenRate Rate { get; }

    /// <summary>Length of a flood-detection window in timestamp ticks.</summary>
    public long WindowTicks { get; }

    /// <summary>Messages within one window beyond which the socket is closed.</summary>
    public long FloodThreshold { get; }
}
