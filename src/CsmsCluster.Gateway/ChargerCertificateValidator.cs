using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Gateway;

/// <summary>
/// Security profile 3: a charger's TLS client certificate is accepted only when it chains to the charger CA
/// (<c>ca.pem</c>), is valid now, allows client authentication, and its subject CN is the charge point id from the URL
/// (OCPP 1.6 security whitepaper A00.FR.3xx: the certificate identifies the charge point).
/// </summary>
public sealed class ChargerCertificateValidator(IOptions<ChargerCertificateOptions> options, TimeProvider time)
{
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    private readonly Lock _lock = new();
    private (DateTime WrittenAt, X509Certificate2? Ca) _cached;

    /// <summary>Whether <paramref name="certificate"/> proves the identity <paramref name="chargePointId"/>; else why not.</summary>
    public bool Verify(X509Certificate2 certificate, string chargePointId, out string reason)
    {
        if (TrustAnchor() is not { } ca)
        {
            reason = "No charger CA is configured.";
            return false;
        }

        if (!string.Equals(certificate.GetNameInfo(X509NameType.SimpleName, false), chargePointId, StringComparison.Ordinal))
        {
            reason = "The certificate does not name this charge point.";
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid(ClientAuthentication));
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        if (!chain.Build(certificate))
        {
            reason = $"The certificate is not valid: {string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()))}";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    /// <summary>The CA certificate, re-read when its file changes (the CA may be created after start).</summary>
    private X509Certificate2? TrustAnchor()
    {
        var path = Path.Combine(options.Value.Directory, "ca.pem");
        var writtenAt = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
        lock (_lock)
        {
            if (_cached.WrittenAt != writtenAt)
            {
                _cached = (writtenAt, writtenAt == DateTime.MinValue ? null : X509Certificate2.CreateFromPem(File.ReadAllText(path)));
            }

            return _cached.Ca;
        }
    }
}
