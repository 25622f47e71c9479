using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CsmsCluster.Contracts;
using CsmsCluster.Grains.Cluster;
using CsmsCluster.Grains.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CsmsCluster.Gateway;

/// <summary>
/// <see cref="IChargerGateway"/> in a cluster: a command for a socket this node holds goes straight to it; one for a
/// socket on another node is posted to that node's internal port (<see cref="Path"/>), where its
/// <see cref="LocalChargerGateway"/> sends it. A node is alive while the membership view lists it as Active with a
/// fresh lease; a command to a node that cannot be reached was never sent (<see cref="CsmsCallStatus.NotConnected"/>),
/// while one whose answer was lost on the way back reports <see cref="CsmsCallStatus.Timeout"/> (outcome unknown).
/// </summary>
public sealed class ClusterChargerGateway(LocalChargerGateway local, GatewayNode node, SiloMembershipAgent membership)
    : IChargerGateway, IClusterEndpoints, IDisposable
{
    /// <summary>The internal path that delivers a command to a socket held by the receiving node.</summary>
    public const string Path = "/cluster/v1/charger-call";

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    // Time allowed beyond the charger's answer timeout for the hop between nodes.
    private static readonly TimeSpan HopAllowance = TimeSpan.FromSeconds(5);

    private readonly HttpClient _http = GrainTransportClient.CreateHttpClient();

    /// <inheritdoc />
    public async Task<CsmsCallOutcome> SendCallAsync(string chargePointId, ChargerConnection target, string action, byte[] payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.NodeId == node.NodeId)
        {
            return await local.SendCallAsync(chargePointId, target, action, payload, timeout, cancellationToken);
        }

        if (membership.Current?.Find(target.NodeId) is not { } holder)
        {
            return NotConnected("The gateway node holding the charger's socket is not in the cluster.");
        }

        var request = new ChargerCallRequest(chargePointId, target, action, payload, (long)Math.Ceiling(timeout.TotalMilliseconds));
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(GrainTransportClient.BaseUri(holder), Path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, GatewayClusterJsonContext.Default.ChargerCallRequest))
            {
                Headers = { ContentType = Json },
            },
        };
        using var hop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        hop.CancelAfter(timeout + HopAllowance);
        try
        {
            using var response = await _http.SendAsync(message, hop.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return Unknown($"The gateway node holding the socket answered {(int)response.StatusCode}.");
            }

            var body = await response.Content.ReadAsByteArrayAsync(hop.Token);
            return JsonSerializer.Deserialize(body, ContractsJsonContext.Default.CsmsCallOutcome) ?? Unknown("Empty answer from the gateway node.");
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return NotConnected("The gateway node holding the charger's socket could not be reached.");
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Unknown("The answer from the gateway node holding the socket was lost; the outcome is unknown.");
        }
    }

    /// <inheritdoc />
    public bool IsNodeAlive(string nodeId) => nodeId == node.NodeId || membership.Current?.IsActive(nodeId) == true;

    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost(Path, ReceiveAsync);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static CsmsCallOutcome NotConnected(string why) => new(CsmsCallStatus.NotConnected, ErrorDescription: why);

    private static CsmsCallOutcome Unknown(string why) => new(CsmsCallStatus.Timeout, ErrorDescription: why);

    private async Task ReceiveAsync(HttpContext context)
    {
        var request = await JsonSerializer.DeserializeAsync(context.Request.Body, GatewayClusterJsonContext.Default.ChargerCallRequest, context.RequestAborted);
        if (request is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var outcome = await local.SendCallAsync(
            request.ChargePointId, request.Target, request.Action, request.Payload, TimeSpan.FromMilliseconds(request.TimeoutMs), context.RequestAborted);
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(outcome, ContractsJsonContext.Default.CsmsCallOutcome), context.RequestAborted);
    }
}
