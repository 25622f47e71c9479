using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Commands;

/// <summary>An Accepted InstallCertificate adds the certificate (replacing a known one with the same identity).</summary>
internal sealed class InstallCertificateObserver()
    : CsmsCallObserver<InstallCertificateRequest, InstallCertificateResponse>(
        "InstallCertificate", V16JsonContext.Default.InstallCertificateRequest, V16JsonContext.Default.InstallCertificateResponse)
{
    protected override bool Apply(ChargePointState state, InstallCertificateRequest request, InstallCertificateResponse response, DateTimeOffset now)
    {
        if (response.Status != InstallCertificateStatusEnumType.Accepted
            || CertificateIdentity.FromPem(request.CertificateType.ToString(), request.Certificate, now) is not { } installed)
        {
            return false;
        }

        state.Certificates.RemoveAll(c => c.SerialNumber == installed.SerialNumber && c.IssuerNameHash == installed.IssuerNameHash);
        state.Certificates.Add(installed);
        return true;
    }
}
