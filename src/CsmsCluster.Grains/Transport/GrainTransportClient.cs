using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CsmsCluster.Grains.Cluster;
using CsmsCluster.Grains.Telemetry;

namespace CsmsCluster.Grains.Transport;

/// <summary>
/// Sends grain calls to the silo that owns them: one HTTP/2 (h2c, prior knowledge) POST per call over pooled
/// connections to the owner's internal port. The call's remaining time travels with it and bounds the request; a
/// missed deadline or a connection lost mid-call is <see cref="GrainCallTimeoutException"/> (outcome unknown), and is
/// never retried. Only a call that provably was not sent (no connection could be made, or the receiver answered "not
/// the owner") is handed back to the router to be placed again. Calls to a silo that could not be connected to are
/// held (<see cref="SiloOutages"/>) until it answers again or the view changes, instead of each retrying.
/// </summary>
public sealed class GrainTransportClient : IRemoteGrainCallInvoker, IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly RendezvousPlacement _placement;
    private readonly GrainSerializer _serializer;
    private readonly TimeProvider _time;
    private readonly string _localSiloId;
    private readonly HttpClient _http;
    private readonly SiloOutages _outages;
    private long _failedConnections;

    /// <summary>Creates the client.</summary>
    public GrainTransportClient(RendezvousPlacement placement, GrainSerializer serializer, TimeProvider timeProvider, string localSiloId)
    {
        _placement = placement;
        _serializer = serializer;
        _time = timeProvider;
        _localSiloId = localSiloId;
        _http = CreateHttpClient();
        _outages = new SiloOutages(timeProvider);
    }

    /// <summary>The silos this node currently holds calls for because it could not connect to them.</summary>
    internal int SilosDown => _outages.Count;

    /// <summary>Connection attempts that failed (the silo's port refused or did not answer); each is one real attempt.</summary>
    internal long FailedConnections => Interlocked.Read(ref _failedConnections);

    /// <summary>An HTTP/2 cleartext client for node-to-node requests (also used for probes and charger commands).</summary>
    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        EnableMultipleHttp2Connections = true,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        KeepAlivePingDelay = TimeSpan.FromSeconds(10),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(5),
        UseProxy = false,
    })
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>The base address of a silo's internal endpoint.</summary>
    public static Uri BaseUri(SiloEntry silo) => new($"http://{FormatHost(silo.Address)}:{silo.Port}");

    /// <inheritdoc />
    public async Task<TResult> InvokeAsync<TResult>(GrainCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (_placement.HasEnded)
        {
            throw new GrainUnavailableException($"{call.Target} cannot be called from this node: it left the cluster or fenced itself.");
        }

        var nextView = _placement.NextView; // before Owner: a view adopted in between wakes a held call at once
        var owner = _placement.Owner(call.Target)
            ?? throw new SiloUnreachableException($"No silo hosts {call.Target} in this node's membership view yet.", new InvalidOperationException("no grain hosts"));
        if (!_outages.MayAttempt(owner.SiloId, out var outage))
        {
            await HoldAsync(call, owner, outage!, nextView, cancellationToken);
        }

        var remaining = call.Deadline - _time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            throw new GrainCallTimeoutException($"Call to {call.Method.SpanName} on {call.Target} was not sent: its deadline {call.Deadline:O} has passed.");
        }

        using var activity = GrainTelemetry.ActivitySource.StartActivity(call.Method.SpanName, ActivityKind.Client);
        activity?.SetTag("grain.id", call.Target.ToString());
        activity?.SetTag("grain.method", call.Method.MethodAlias);
        activity?.SetTag("server.address", owner.Address);
        activity?.SetTag("server.port", owner.Port);

        using var deadline = new CancellationTokenSource(remaining, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri(owner), TransportWire.CallPath))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(Encode(call, remaining)) { Headers = { ContentType = Json } },
        };
        request.Headers.Add(TransportWire.SiloIdHeader, _localSiloId);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            _outages.Reached(owner.SiloId);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return Decode<TResult>(call, body);
            }

            var error = TransportWire.ToException(response.StatusCode, body, call.Target);
            activity?.SetStatus(ActivityStatusCode.Error, error.Message);
            throw error;
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConnectionError)
        {
            Interlocked.Increment(ref _failedConnections);
            _outages.Failed(owner.SiloId);
            activity?.SetStatus(ActivityStatusCode.Error, "unreachable");
            throw new SiloUnreachableException($"Silo {owner.SiloId} ({owner.Address}:{owner.Port}) could not be reached; the call to {call.Target} was not sent.", exception);
        }
        catch (HttpRequestException exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "connection lost");
            throw new GrainCallTimeoutException(
                $"The connection to silo {owner.SiloId} broke during the call to {call.Method.SpanName} on {call.Target} ({exception.HttpRequestError}); its outcome is unknown.", exception);
        }
        catch (OperationCanceledException exception) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "timeout");
            throw new GrainCallTimeoutException(
                $"Call to {call.Method.SpanName} on {call.Target} did not complete by its deadline {call.Deadline:O}; its outcome is unknown.", exception);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Holds a call for a silo that is down until it may try to connect itself (the silo answered again, or this call
    /// takes the next attempt). Throws <see cref="SiloUnreachableException"/> (waited) when the view changed, so the
    /// router places the call again at once, and <see cref="GrainUnavailableException"/> at the call's deadline.
    /// </summary>
    private async Task HoldAsync(GrainCall call, SiloEntry owner, SiloOutages.Outage outage, Task nextView, CancellationToken cancellationToken)
    {
        while (true)
        {
            var left = call.Deadline - _time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw new GrainUnavailableException(
                    $"Silo {owner.SiloId} ({owner.Address}:{owner.Port}), which hosts {call.Target}, was unreachable until the call's deadline {call.Deadline:O}; the call did not run.");
            }

            // Jittered, so calls held together do not all wake together.
            var hold = SiloOutages.HoldPeriod * (0.75 + (Random.Shared.NextDouble() / 2));
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var elapsed = Task.Delay(hold < left ? hold : left, _time, timer.Token);
            var woke = await Task.WhenAny(outage.Ended, nextView, elapsed);
            await timer.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            // A new view first: it may have moved the grain (and ended this outage because the silo left it).
            if (nextView.IsCompleted)
            {
                if (_placement.View is { } view)
                {
                    _outages.Retain([.. view.Hosts.Select(h => h.SiloId)]);
                }

                throw new SiloUnreachableException(
                    $"Silo {owner.SiloId} was down; the membership view changed while the call to {call.Target} waited, so it is placed again.",
                    new InvalidOperationException("view changed"),
                    waited: true);
            }

            if (woke == outage.Ended)
            {
                return;
            }

            if (_outages.MayAttempt(owner.SiloId, out var current))
            {
                return;
            }

            outage = current!;
        }
    }

    private static string FormatHost(string address) =>
        IPAddress.TryParse(address, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address;

    private byte[] Encode(GrainCall call, TimeSpan remaining)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", call.Target.Type);
            writer.WriteString("key", call.Target.Key);
            writer.WriteString("interface", call.Method.InterfaceAlias);
            writer.WriteString("method", call.Method.MethodAlias);
            writer.WriteNumber("timeoutMs", (long)Math.Ceiling(remaining.TotalMilliseconds));
            writer.WriteNumber("view", _placement.View?.Version ?? 0);
            writer.WriteStartArray("chain");
            foreach (var link in call.Chain?.ToArray() ?? [])
            {
                writer.WriteStartArray();
                writer.WriteStringValue(link.Type);
                writer.WriteStringValue(link.Key);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("args");
            var types = call.Method.ParameterTypes;
            for (var i = 0; i < types.Count; i++)
            {
                if (i != call.Method.CancellationTokenIndex)
                {
                    JsonSerializer.Serialize(writer, call.Arguments[i], _serializer.GetTypeInfo(types[i]));
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private TResult Decode<TResult>(GrainCall call, byte[] body)
    {
        if (call.Method.ResultType is not { } resultType)
        {
            return default!;
        }

        return (TResult)JsonSerializer.Deserialize(body, _serializer.GetTypeInfo(resultType))!;
    }
}
