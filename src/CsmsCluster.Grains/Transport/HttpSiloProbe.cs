using System.Net;
using CsmsCluster.Grains.Cluster;

namespace CsmsCluster.Grains.Transport;

/// <summary>
/// Probes a peer over its internal port (<see cref="TransportWire.ProbePath"/>). Only an answer from the silo the
/// table names counts: a restarted process that reuses the address and port is a different silo.
/// </summary>
public sealed class HttpSiloProbe : ISiloProbe, IDisposable
{
    private readonly HttpClient _http = GrainTransportClient.CreateHttpClient();

    /// <inheritdoc />
    public async Task<bool> ProbeAsync(SiloEntry silo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        using var response = await _http.GetAsync(new Uri(GrainTransportClient.BaseUri(silo), TransportWire.ProbePath), cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            && response.Headers.TryGetValues(TransportWire.SiloIdHeader, out var ids)
            && ids.Contains(silo.SiloId, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
