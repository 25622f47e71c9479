using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CsmsCluster.Api;

/// <summary>
/// Describes each typed command's body and 200 answer with the action's official OCPP 1.6 schema, so clients see
/// exactly what the charger will be sent and what it answers.
/// </summary>
internal sealed class OcppOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<OcppCommandMetadata>().FirstOrDefault() is not { } command)
        {
            return Task.CompletedTask;
        }

        if (OcppOpenApiSchemas.For(command.Action, response: false) is { } request)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = $"The {command.Action}.req payload (OCPP 1.6); it is validated against this schema before anything is sent (422 otherwise).",
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = request } },
            };
        }

        if (OcppOpenApiSchemas.For(command.Action, response: true) is { } answer)
        {
            operation.Responses ??= [];
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = $"The charger's {command.Action}.conf payload.",
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = answer } },
            };
        }

        return Task.CompletedTask;
    }
}
