namespace CsmsCluster.Contracts;

/// <summary>
/// A certificate the charger reported (GetInstalledCertificateIds) or accepted (InstallCertificate), identified as the
/// 1.6 security extension identifies it: hash algorithm, issuer name hash, issuer key hash and serial number.
/// </summary>
/// <param name="CertificateType">CentralSystemRootCertificate or ManufacturerRootCertificate.</param>
/// <param name="HashAlgorithm">SHA256, SHA384 or SHA512.</param>
/// <param name="IssuerNameHash">Hex hash of the issuer's distinguished name (DER).</param>
/// <param name="IssuerKeyHash">Hex hash of the issuer's public key.</param>
/// <param name="SerialNumber">The serial number in hex.</param>
/// <param name="Subject">The subject, when the CSMS installed the certificate itself.</param>
/// <param name="Source">How it became known: <c>Installed</c> or <c>Reported</c>.</param>
/// <param name="At">When.</param>
public sealed record InstalledCertificate(
    string CertificateType,
    string HashAlgorithm,
    string IssuerNameHash,
    string IssuerKeyHash,
    string SerialNumber,
    string? Subject,
    string Source,
    DateTimeOffset At);
