using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Commands;

/// <summary>The charger's list replaces what is known of that certificate type; NotFound means it has none.</summary>
internal sealed class GetInstalledCertificateIdsObserver()
    : CsmsCallObserver<GetInstalledCertificateIdsRequest, GetInstalledCertificateIdsResponse>(
        "GetInstalledCertificateIds", V16JsonContext.Default.GetInstalledCertificateIdsRequest, V16JsonContext.Default.GetInstalledCertificateIdsResponse)
{
    protected override bool Apply(ChargePointState state, GetInstalledCertificateIdsRequest request, GetInstalledCertificateIdsResponse response, DateTimeOffset now)
    {
        var type = request.CertificateType.ToString();
        state.Certificates.RemoveAll(c => c.CertificateType == type);
        if (response.Status == GetInstalledCertificateStatusEnumType.Accepted)
        {
            state.Certificates.AddRange((response.CertificateHashData ?? []).Select(h => CertificateIdentity.FromHashData(type, h, now)));
        }

        return true;
    }
}
