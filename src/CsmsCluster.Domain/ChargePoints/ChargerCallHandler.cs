using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CsmsCluster.Contracts;
using CsmsCluster.Ocpp;

namespace CsmsCluster.Domain.ChargePoints;

/// <summary>A handler with typed request and response, (de)serialised with the generated OCPP JSON contexts.</summary>
public abstract class ChargerCallHandler<TRequest, TResponse>(OcppVersion version, string action, JsonTypeInfo<TRequest> request, JsonTypeInfo<TResponse> response)
    : IChargerCallHandler
{
    /// <inheritdoc />
    public OcppVersion Version { get; } = version;

    /// <inheritdoc />
    public string Action { get; } = action;

    /// <inheritdoc />
    public async Task<OcppReply> HandleAsync(ChargerCallContext context, byte[] payload, CancellationToken cancellationToken)
    {
        var typed = JsonSerializer.Deserialize(payload, request)
            ?? throw new JsonException($"The {Action} payload is null.");
        var result = await HandleAsync(context, typed, cancellationToken);
        return OcppReply.Result(JsonSerializer.SerializeToUtf8Bytes(result, response));
    }

    /// <summary>Handles the typed request.</summary>
    protected abstract Task<TResponse> HandleAsync(ChargerCallContext context, TRequest request, CancellationToken cancellationToken);
}
