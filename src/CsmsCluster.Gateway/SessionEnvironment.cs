using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Gateway;

/// <summary>
/// What every session of a node shares (clock, metrics, settings, precomputed limits), held by one reference per
/// session so a session stays small.
/// </summary>
internal sealed class SessionEnvironment(IOptions<OcppGatewayOptions> options, TimeProvider time, GatewayMetrics metrics, ILogger<ChargerSession> logger)
{
    public OcppGatewayOptions Options { get; } = options.Value;

    public TimeProvider Time { get; } = time;

    public GatewayMetrics Metrics { get; } = metrics;

    public ILogger Logger { get; } = logger;

    public MessageRateLimits MessageLimits { get; } = new(options.Value, time.TimestampFrequency);
}
