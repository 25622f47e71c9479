using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CsmsCluster.Server.Tests.Telemetry;

/// <summary>
/// A tiny OTLP/HTTP receiver on a dynamic loopback port: accepts protobuf posts to <c>/v1/traces</c>,
/// <c>/v1/metrics</c> and <c>/v1/logs</c> and keeps what the tests look at.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OtlpSpan> _spans = new();
    private readonly ConcurrentDictionary<string, byte> _metricNames = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _logBodies = new();
    private readonly ConcurrentDictionary<string, string> _resource = new(StringComparer.Ordinal);

    private OtlpReceiver(WebApplication app)
    {
        _app = app;
        app.MapPost("/v1/{signal}", HandleAsync);
    }

    /// <summary>The base URL to configure as the OTLP endpoint.</summary>
    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyCollection<OtlpSpan> Spans => _spans;

    public ICollection<string> MetricNames => _metricNames.Keys;

    public IReadOnlyCollection<string> LogBodies => _logBodies;

    /// <summary>Resource attributes seen on any request.</summary>
    public IReadOnlyDictionary<string, string> Resource => _resource;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new OtlpReceiver(builder.Build());
        await receiver._app.StartAsync();
        receiver.BaseUri = new Uri(receiver._app.Urls.First());
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(string signal, HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var bytes = body.ToArray();
        var resource = new Dictionary<string, string>();
        switch (signal)
        {
            case "traces":
                foreach (var span in OtlpDecoder.Spans(bytes, resource))
                {
                    _spans.Enqueue(span);
                }

                break;
            case "metrics":
                foreach (var name in OtlpDecoder.MetricNames(bytes, resource))
                {
                    _metricNames.TryAdd(name, 0);
                }

                break;
            case "logs":
                foreach (var text in OtlpDecoder.LogBodies(bytes, resource))
                {
                    _logBodies.Enqueue(text);
                }

                break;
            default:
                return Results.NotFound();
        }

        foreach (var (key, value) in resource)
        {
            _resource[key] = value;
        }

        // An empty Export*ServiceResponse: full success.
        return Results.Bytes([], "application/x-protobuf");
    }
}
