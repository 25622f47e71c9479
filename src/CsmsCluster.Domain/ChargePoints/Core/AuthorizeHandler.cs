using CsmsCluster.Domain.Authorization;
using CsmsCluster.Ocpp;
using CsmsCluster.Ocpp.V16;
using CsmsCluster.Persistence;

namespace CsmsCluster.Domain.ChargePoints.Core;

/// <summary>Authorize (OCPP 1.6 §4.1): looks the idTag up; unknown idTags are Invalid.</summary>
internal sealed class AuthorizeHandler(IIdTagStore idTags)
    : ChargerCallHandler<AuthorizeRequest, AuthorizeResponse>(
        OcppVersion.V16, "Authorize", V16JsonContext.Default.AuthorizeRequest, V16JsonContext.Default.AuthorizeResponse)
{
    protected override async Task<AuthorizeResponse> HandleAsync(ChargerCallContext context, AuthorizeRequest request, CancellationToken cancellationToken)
    {
        var decision = IdTagAuthorizer.Decide(await idTags.GetAsync(request.IdTag, cancellationToken), context.Now);
        return new AuthorizeResponse { IdTagInfo = IdTagInfos.From(decision) };
    }
}
