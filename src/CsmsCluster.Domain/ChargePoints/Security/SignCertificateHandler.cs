using System.Text.Json;
using CsmsCluster.Domain.Certificates;
using CsmsCluster.Ocpp;
using CsmsCluster.Ocpp.V16;
using Microsoft.Extensions.Logging;

namespace CsmsCluster.Domain.ChargePoints.Security;

/// <summary>
/// SignCertificate (1.6 security whitepaper, A02/A03): the CSR is checked and signed by the configured CA; the
/// answer is Accepted and the signed chain follows as a CertificateSigned call once the reply went out (queued, so it
/// also reaches a charger that reconnects in between). A CSR that fails the checks is Rejected.
/// </summary>
internal sealed class SignCertificateHandler(ICertificateAuthority authority, ILogger<SignCertificateHandler> logger)
    : ChargerCallHandler<SignCertificateRequest, SignCertificateResponse>(
        OcppVersion.V16, "SignCertificate", V16JsonContext.Default.SignCertificateRequest, V16JsonContext.Default.SignCertificateResponse)
{
    /// <summary>How long a signed chain waits for delivery before it is dropped.</summary>
    internal static readonly TimeSpan DeliveryWindow = TimeSpan.FromHours(1);

    protected override Task<SignCertificateResponse> HandleAsync(ChargerCallContext context, SignCertificateRequest request, CancellationToken cancellationToken)
    {
        var result = authority.Sign(context.ChargePointId, request.Csr);
        if (!result.Signed)
        {
            DomainLog.CertificateRefused(logger, context.ChargePointId, result.Error!);
            return Task.FromResult(new SignCertificateResponse { Status = GenericStatusEnumType.Rejected });
        }

        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new CertificateSignedRequest { CertificateChain = result.ChainPem! }, V16JsonContext.Default.CertificateSignedRequest);
        CommandQueue.Enqueue(context.State, "CertificateSigned", payload, DeliveryWindow, context.Now);
        context.MarkChanged();
        return Task.FromResult(new SignCertificateResponse { Status = GenericStatusEnumType.Accepted });
    }
}
