using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CsmsCluster.Api;

/// <summary>DI and endpoint wiring of the HTTP API.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>Registers the API's options, admin token, JSON context, problem details and OpenAPI document.</summary>
    public static IServiceCollection AddCsmsApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>()
            .Bind(configuration.GetSection(ApiOptions.Section))
            .Validate(o => o.MaxPageSize >= 1, "Csms:Api:MaxPageSize must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<AdminToken>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        services.AddProblemDetails();
        services.AddExceptionHandler<GrainExceptionHandler>();
        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "CsmsCluster API";
                document.Info.Description = "Charge points, sites, commands, transactions and authorization of the CsmsCluster CSMS. Authenticate with 'Authorization: Bearer <admin token>'.";
                return Task.CompletedTask;
            });
            o.AddOperationTransformer<OcppOperationTransformer>();
        });
        return services;
    }

    /// <summary>Maps <c>/api/v1/*</c> (bearer token required), <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapCsmsApi(this IEndpointRouteBuilder endpoints)
    {
        // Resolve the admin token now, so a generated one exists (and is printed) at start, not at the first request.
        _ = endpoints.ServiceProvider.GetRequiredService<AdminToken>();
        var api = endpoints.MapGroup("/api/v1").AddEndpointFilter<BearerTokenFilter>();
        ChargePointEndpoints.Map(api);
        ChargePointDetailEndpoints.Map(api);
        CommandEndpoints.Map(api);
        TransactionEndpoints.Map(api);
        IdTagEndpoints.Map(api);
        SecurityEventEndpoints.Map(api);
        Sites.SiteEndpoints.Map(api);
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        return endpoints;
    }
}
