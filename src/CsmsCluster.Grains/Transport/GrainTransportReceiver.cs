using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CsmsCluster.Grains.Transport;

/// <summary>
/// Runs grain calls that arrive from other nodes (<see cref="TransportWire.CallPath"/>). A call for a grain this
/// silo does not own (or may not activate) is answered "not the owner" with this silo's view version and does not
/// run; everything else goes to the grain's activation with the deadline the caller had left.
/// </summary>
public sealed class GrainTransportReceiver(GrainRuntime runtime, IGrainPlacement placement, IActivationGate? gate, TimeProvider timeProvider)
{
    /// <summary>Handles one call request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        GrainCall call;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            call = Decode(document.RootElement);
        }
        catch (Exception exception) when (exception is JsonException or BadHttpRequestException or KeyNotFoundException or InvalidOperationException or FormatException or NotSupportedException)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "badRequest", exception);
            return;
        }

        if (!placement.IsLocal(call.Target))
        {
            await WriteErrorAsync(context, StatusCodes.Status421MisdirectedRequest, "notOwner",
                new GrainNotOwnerException($"{call.Target} is not placed on this silo in its membership view (version {gate?.ViewVersion ?? 0})."));
            return;
        }

        object? result;
        try
        {
            result = await runtime.InvokeLocalAsync(call, context.RequestAborted);
        }
        catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            var (status, kind) = TransportWire.Classify(exception);
            await WriteErrorAsync(context, (int)status, kind, exception);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        var bytes = call.Method.ResultType is { } resultType
            ? JsonSerializer.SerializeToUtf8Bytes(result, runtime.Serializer.GetTypeInfo(resultType))
            : "null"u8.ToArray();
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private GrainCall Decode(JsonElement root)
    {
        var target = new GrainId(root.GetProperty("type").GetString()!, root.GetProperty("key").GetString()!);
        var interfaceAlias = root.GetProperty("interface").GetString()!;
        var methodAlias = root.GetProperty("method").GetString()!;
        var method = runtime.FindMethod(interfaceAlias, methodAlias)
            ?? throw new InvalidOperationException($"No grain method {interfaceAlias}.{methodAlias} is registered on this silo.");
        var timeout = TimeSpan.FromMilliseconds(root.GetProperty("timeoutMs").GetInt64());
        var chain = new List<GrainId>();
        foreach (var link in root.GetProperty("chain").EnumerateArray())
        {
            chain.Add(new GrainId(link[0].GetString()!, link[1].GetString()!));
        }

        var types = method.ParameterTypes;
        var arguments = new object?[types.Count];
        using var args = root.GetProperty("args").EnumerateArray();
        for (var i = 0; i < types.Count; i++)
        {
            if (i == method.CancellationTokenIndex)
            {
                arguments[i] = CancellationToken.None;
                continue;
            }

            if (!args.MoveNext())
            {
                throw new InvalidOperationException($"{method} expects {types.Count} arguments.");
            }

            arguments[i] = args.Current.Deserialize(runtime.Serializer.GetTypeInfo(types[i]));
        }

        return new GrainCall(target, method, arguments, timeProvider.GetUtcNow() + timeout, GrainCallChain.FromArray(chain));
    }

    private async Task WriteErrorAsync(HttpContext context, int status, string kind, Exception exception)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            TransportWire.WriteError(writer, kind, exception, gate?.ViewVersion ?? 0);
        }

        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted);
    }
}
