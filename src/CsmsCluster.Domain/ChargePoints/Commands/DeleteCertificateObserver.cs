using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Commands;

/// <summary>Accepted (deleted) and NotFound (not there) both mean the charger no longer has the certificate.</summary>
internal sealed class DeleteCertificateObserver()
    : CsmsCallObserver<DeleteCertificateRequest, DeleteCertificateResponse>(
        "DeleteCertificate", V16JsonContext.Default.DeleteCertificateRequest, V16JsonContext.Default.DeleteCertificateResponse)
{
    protected override bool Apply(ChargePointState state, DeleteCertificateRequest request, DeleteCertificateResponse response, DateTimeOffset now) =>
        response.Status != DeleteCertificateStatusEnumType.Failed
        && state.Certificates.RemoveAll(c => CertificateIdentity.SameCertificate(c, request.CertificateHashData)) > 0;
}
