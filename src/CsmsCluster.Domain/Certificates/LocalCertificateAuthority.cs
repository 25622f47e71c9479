using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Domain.Certificates;

/// <summary>
/// A file-based CA: loads <c>ca.pem</c>/<c>ca.key.pem</c> from the configured directory, or creates a local
/// development CA there on first use. Issues client certificates (for security profile 3) to charge points whose CSR
/// subject CN is their charge point id.
/// </summary>
public sealed class LocalCertificateAuthority(IOptions<CertificateAuthorityOptions> options, TimeProvider time) : ICertificateAuthority
{
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");
    private readonly Lazy<X509Certificate2> _ca = new(() => LoadOrCreate(options.Value.Directory, time.GetUtcNow()));

    /// <summary>The CA certificate (with its private key).</summary>
    public X509Certificate2 Certificate => _ca.Value;

    /// <inheritdoc />
    public CertificateSigningResult Sign(string chargePointId, string csrPem)
    {
        CertificateRequest request;
        try
        {
            // Loading verifies the request's self-signature: the charger holds the private key.
            request = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default, RSASignaturePadding.Pkcs1);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return new CertificateSigningResult(null, $"The CSR is not a valid PKCS#10 request: {ex.Message}");
        }

        var commonName = CommonName(request.SubjectName);
        if (!string.Equals(commonName, chargePointId, StringComparison.Ordinal))
        {
            return new CertificateSigningResult(null, $"The CSR's common name '{commonName}' is not the charge point id.");
        }

        var now = time.GetUtcNow();
        request.CertificateExtensions.Clear();
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ClientAuthentication], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_ca.Value, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var notAfter = now + options.Value.LeafValidity;
        if (notAfter > _ca.Value.NotAfter)
        {
            notAfter = _ca.Value.NotAfter;
        }

        // The CA's key type need not match the charger's (an ECDSA CA signs RSA requests too).
        var signer = _ca.Value.GetECDsaPrivateKey() is { } ecdsa
            ? X509SignatureGenerator.CreateForECDsa(ecdsa)
            : X509SignatureGenerator.CreateForRSA(_ca.Value.GetRSAPrivateKey() ?? throw new InvalidOperationException("The CA has no usable private key."), RSASignaturePadding.Pkcs1);
        using var leaf = request.Create(_ca.Value.SubjectName, signer, now.AddMinutes(-5), notAfter, serial);
        return new CertificateSigningResult(leaf.ExportCertificatePem() + "\n" + _ca.Value.ExportCertificatePem() + "\n", null);
    }

    /// <summary>The subject's one common name; null when there is none or more than one (ambiguous).</summary>
    private static string? CommonName(X500DistinguishedName name)
    {
        var names = name.EnumerateRelativeDistinguishedNames()
            .Where(rdn => !rdn.HasMultipleElements && rdn.GetSingleElementType().Value == "2.5.4.3")
            .Select(rdn => rdn.GetSingleElementValue())
            .Take(2)
            .ToList();
        return names.Count == 1 ? names[0] : null;
    }

    private static X509Certificate2 LoadOrCreate(string directory, DateTimeOffset now)
    {
        var certificatePath = Path.Combine(directory, "ca.pem");
        var keyPath = Path.Combine(directory, "ca.key.pem");
        if (File.Exists(certificatePath) && File.Exists(keyPath))
        {
            return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }

        Directory.CreateDirectory(directory);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=CsmsCluster Local Development CA, O=CsmsCluster", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var ca = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
        File.WriteAllText(certificatePath, ca.ExportCertificatePem() + "\n");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
    }
}
