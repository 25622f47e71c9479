using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CsmsCluster.Domain.Certificates;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Domain.Tests.Certificates;

public sealed class LocalCertificateAuthorityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("csms-ca-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Sign_CsrForThisChargePoint_ReturnsClientCertificateChainedToTheCa()
    {
        var ca = Authority();
        using var key = RSA.Create(2048);
        var result = ca.Sign("CP-42", Csr("CN=CP-42, O=Fleet", key));

        Assert.True(result.Signed, result.Error);
        var chain = new X509Certificate2Collection();
        chain.ImportFromPem(result.ChainPem!);
        Assert.Equal(2, chain.Count);
        var leaf = chain[0];
        Assert.Equal("CP-42", leaf.GetNameInfo(X509NameType.SimpleName, false));
        Assert.Equal(ca.Certificate.Subject, leaf.Issuer);
        Assert.Contains(leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.2");
        Assert.False(leaf.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), leaf.PublicKey.ExportSubjectPublicKeyInfo());

        using var verify = new X509Chain();
        verify.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        verify.ChainPolicy.CustomTrustStore.Add(ca.Certificate);
        verify.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(verify.Build(leaf), string.Join(", ", verify.ChainStatus.Select(s => s.StatusInformation)));
    }

    [Fact]
    public void Sign_CsrForAnotherChargePoint_IsRefused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var result = Authority().Sign("CP-42", Csr("CN=CP-43", key));
        Assert.False(result.Signed);
        Assert.Contains("CP-43", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----")]
    [InlineData("not a csr at all")]
    public void Sign_MalformedCsr_IsRefused(string csr)
    {
        var result = Authority().Sign("CP-42", csr);
        Assert.False(result.Signed);
        Assert.StartsWith("The CSR is not a valid PKCS#10 request", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ca_IsCreatedOnce_AndReloadedFromItsDirectory()
    {
        var first = Authority().Certificate;
        var second = Authority().Certificate;
        Assert.Equal(first.Thumbprint, second.Thumbprint);
        Assert.True(second.HasPrivateKey);
        Assert.True(File.Exists(Path.Combine(_directory, "ca.key.pem")));
    }

    private LocalCertificateAuthority Authority() =>
        new(Options.Create(new CertificateAuthorityOptions { Directory = _directory }), TimeProvider.System);

    private static string Csr(string subject, AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSigningRequestPem(),
        ECDsa ec => new CertificateRequest(subject, ec, HashAlgorithmName.SHA256).CreateSigningRequestPem(),
        _ => throw new ArgumentException("unsupported key", nameof(key)),
    };
}
