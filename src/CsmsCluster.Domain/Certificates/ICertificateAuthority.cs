namespace CsmsCluster.Domain.Certificates;

/// <summary>Signs certificate signing requests of charge points (OCPP 1.6 security whitepaper, SignCertificate).</summary>
public interface ICertificateAuthority
{
    /// <summary>
    /// Verifies <paramref name="csrPem"/> (a PKCS#10 request whose subject CN must be <paramref name="chargePointId"/>)
    /// and returns the signed certificate chain as PEM (leaf first), or an error saying why it was refused.
    /// </summary>
    CertificateSigningResult Sign(string chargePointId, string csrPem);
}
