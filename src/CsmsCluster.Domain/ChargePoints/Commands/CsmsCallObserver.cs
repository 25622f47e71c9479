using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CsmsCluster.Ocpp;

namespace CsmsCluster.Domain.ChargePoints.Commands;

/// <summary>An observer with typed request and response (both already schema-valid).</summary>
public abstract class CsmsCallObserver<TRequest, TResponse>(string action, JsonTypeInfo<TRequest> request, JsonTypeInfo<TResponse> response)
    : ICsmsCallObserver
{
    /// <inheritdoc />
    public OcppVersion Version => OcppVersion.V16;

    /// <inheritdoc />
    public string Action { get; } = action;

    /// <inheritdoc />
    public bool Apply(ChargePointState state, byte[] requestJson, byte[] responseJson, DateTimeOffset now) =>
        JsonSerializer.Deserialize(requestJson, request) is { } typedRequest
        && JsonSerializer.Deserialize(responseJson, response) is { } typedResponse
        && Apply(state, typedRequest, typedResponse, now);

    /// <summary>Applies the typed call.</summary>
    protected abstract bool Apply(ChargePointState state, TRequest request, TResponse response, DateTimeOffset now);
}
