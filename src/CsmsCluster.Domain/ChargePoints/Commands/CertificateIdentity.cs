using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CsmsCluster.Contracts;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Commands;

/// <summary>Certificate identities as the 1.6 security extension uses them (CertificateHashDataType).</summary>
internal static class CertificateIdentity
{
    public static InstalledCertificate FromHashData(string type, CertificateHashDataType hash, DateTimeOffset now) =>
        new(type, hash.HashAlgorithm.ToString(), hash.IssuerNameHash.ToLowerInvariant(), hash.IssuerKeyHash.ToLowerInvariant(),
            hash.SerialNumber.ToLowerInvariant().TrimStart('0'), null, "Reported", now);

    /// <summary>
    /// The identity of a PEM certificate the charger accepted. The issuer key hash needs the issuer's key, which is the
    /// certificate's own for the self-signed roots InstallCertificate carries; for another issuer it stays empty.
    /// </summary>
    public static InstalledCertificate? FromPem(string type, string pem, DateTimeOffset now)
    {
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            var issuerName = Convert.ToHexStringLower(SHA256.HashData(certificate.IssuerName.RawData));
            var selfSigned = certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
            var issuerKey = selfSigned ? Convert.ToHexStringLower(SHA256.HashData(certificate.PublicKey.EncodedKeyValue.RawData)) : "";
            return new InstalledCertificate(type, "SHA256", issuerName, issuerKey,
                certificate.SerialNumber.ToLowerInvariant().TrimStart('0'), certificate.Subject, "Installed", now);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static bool SameCertificate(InstalledCertificate known, CertificateHashDataType hash) =>
        string.Equals(known.SerialNumber, hash.SerialNumber.ToLowerInvariant().TrimStart('0'), StringComparison.Ordinal)
        && string.Equals(known.IssuerNameHash, hash.IssuerNameHash, StringComparison.OrdinalIgnoreCase);
}
