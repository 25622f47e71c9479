using System.Net;
using CsmsCluster.Grains.Cluster;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Grains.Transport;

/// <summary>
/// The peer probe: a UDP datagram to the internal port's number (<see cref="UdpProbeClient"/>, answered by
/// <see cref="UdpProbeResponder"/>, both on dedicated threads) and, at the same time, <see cref="HttpSiloProbe"/> over
/// the grain transport. The peer counts as answered when either answers within the probe timeout. The UDP path keeps an
/// overloaded node (its thread pool busy for seconds) from collecting votes as if it had died; the HTTP path keeps a
/// network that drops UDP from making every node look dead to every other.
/// </summary>
public sealed class SiloProbe(IOptions<ClusterMembershipOptions> options) : ISiloProbe, IDisposable
{
    private static readonly TimeSpan ResolvedFor = TimeSpan.FromSeconds(30);

    private readonly UdpProbeClient _udp = new();
    private readonly HttpSiloProbe _http = new();
    private readonly Dictionary<string, (IPAddress Address, DateTimeOffset Until)> _resolved = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public async Task<bool> ProbeAsync(SiloEntry silo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var udp = UdpAsync(silo, cancellationToken); // first: its timeout runs from here
        var http = HttpAsync(silo, cancellationToken);
        var first = await Task.WhenAny(udp, http);
        return await first || await (first == udp ? http : udp);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _udp.Dispose();
        _http.Dispose();
    }

    private async Task<bool> UdpAsync(SiloEntry silo, CancellationToken cancellationToken)
    {
        var timeout = options.Value.ProbeTimeout;
        var address = IPAddress.TryParse(silo.Address, out var literal) ? literal : await ResolveAsync(silo.Address, cancellationToken);
        return address is not null && await _udp.ProbeAsync(new IPEndPoint(address, silo.Port), silo.SiloId, timeout);
    }

    private async Task<bool> HttpAsync(SiloEntry silo, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.ProbeAsync(silo, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<IPAddress?> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        lock (_resolved)
        {
            if (_resolved.TryGetValue(host, out var known) && known.Until > now)
            {
                return known.Address;
            }
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            var address = addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            if (address is not null)
            {
                lock (_resolved)
                {
                    _resolved[host] = (address, now + ResolvedFor);
                }
            }

            return address;
        }
        catch (Exception exception) when (exception is System.Net.Sockets.SocketException or OperationCanceledException)
        {
            return null; // unresolvable now: the HTTP probe decides
        }
    }
}
