using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using CsmsCluster.TestSupport;

namespace CsmsCluster.Server.Tests;

/// <summary>
/// OCPP 1.6 security profiles over a real TLS endpoint: 2 (TLS + Basic auth) and 3 (TLS client certificate issued by
/// the CSMS through SignCertificate and naming the charge point).
/// </summary>
public sealed class SecurityProfileTests : IAsyncLifetime
{
    private const string Password = "profile-two-password-01";
    private readonly string _tlsDirectory = Directory.CreateTempSubdirectory("csms-tls-").FullName;
    private X509Certificate2 _serverCertificate = null!;
    private TestDatabase _db = null!;
    private CsmsTestServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        _serverCertificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(_tlsDirectory, "server.pem");
        var keyPath = Path.Combine(_tlsDirectory, "server.key.pem");
        await File.WriteAllTextAsync(certificatePath, _serverCertificate.ExportCertificatePem(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem(), TestContext.Current.CancellationToken);

        _db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        _server = await CsmsTestServer.StartAsync(_db, new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Certificate:Path"] = certificatePath,
            ["Kestrel:Endpoints:Https:Certificate:KeyPath"] = keyPath,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _db.DisposeAsync();
        _serverCertificate.Dispose();
        Directory.Delete(_tlsDirectory, recursive: true);
    }

    [Fact]
    public async Task Profile2_TlsWithPassword_Connects_PlainOrWrongPasswordIsRefused()
    {
        const string cp = "CP-PROFILE2";
        await Register(cp, $$"""{"securityProfile":2,"password":"{{Password}}"}""");

        await AssertRefusedAsync(() => OcppTestClient.ConnectAsync(_server.OcppUri(cp), basicAuthPassword: Password));
        await AssertRefusedAsync(() => Secure(cp, "wrong-password-0123456"));
        await using var charger = await Secure(cp, Password);
        await charger.CallAsync("Heartbeat", "{}");
    }

    [Fact]
    public async Task Profile3_CertificateFromSignCertificate_Connects_WithoutPassword_AndOnlyAsItsOwnChargePoint()
    {
        const string cp = "CP-PROFILE3";
        await Register(cp, $$"""{"securityProfile":2,"password":"{{Password}}"}""");
        await Register("CP-PROFILE3-OTHER", """{"securityProfile":3}""");
        using var clientCertificate = await ObtainCertificateAsync(cp);

        await Register(cp, """{"securityProfile":3}""");
        await AssertRefusedAsync(() => Secure(cp, Password));
        await using (var charger = await Secure(cp, password: null, clientCertificate))
        {
            await charger.CallAsync("Heartbeat", "{}");
        }

        // The certificate names CP-PROFILE3: it does not open the socket of another charge point.
        await AssertRefusedAsync(() => Secure("CP-PROFILE3-OTHER", password: null, clientCertificate));
    }

    [Fact]
    public async Task Profile3_SelfSignedCertificate_IsRefused()
    {
        const string cp = "CP-PROFILE3-SELF";
        await Register(cp, """{"securityProfile":3}""");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={cp}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        await AssertRefusedAsync(() => Secure(cp, password: null, selfSigned));
    }

    private async Task<X509Certificate2> ObtainCertificateAsync(string cp)
    {
        await using var charger = await Secure(cp, Password);
        charger.OnCall = (_, _) => """{"status":"Accepted"}""";
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = new CertificateRequest($"CN={cp}", key, HashAlgorithmName.SHA256).CreateSigningRequestPem();
        var answer = await charger.CallAsync("SignCertificate", JsonSerializer.Serialize(new Dictionary<string, string> { ["csr"] = csr }));
        Assert.Equal("Accepted", answer.GetProperty("status").GetString());
        await Eventually.WaitAsync(() => !charger.ReceivedCalls.IsEmpty, TimeSpan.FromSeconds(10), "CertificateSigned after SignCertificate");
        var (action, payload) = Assert.Single(charger.ReceivedCalls);
        Assert.Equal("CertificateSigned", action);
        using var leaf = X509Certificate2.CreateFromPem(payload.GetProperty("certificateChain").GetString()!);
        using var withKey = leaf.CopyWithPrivateKey(key);
        // Export and reload so the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    private Task<OcppTestClient> Secure(string cp, string? password, X509Certificate2? clientCertificate = null) =>
        OcppTestClient.ConnectAsync(_server.SecureOcppUri(cp), basicAuthPassword: password, configure: options =>
        {
            options.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == _serverCertificate.GetCertHashString();
            if (clientCertificate is not null)
            {
                options.ClientCertificates.Add(clientCertificate);
            }
        });

    private Task Register(string cp, string body) => _server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{cp}", body);

    private static async Task AssertRefusedAsync(Func<Task<OcppTestClient>> connect)
    {
        var ex = await Assert.ThrowsAsync<WebSocketException>(connect);
        Assert.Contains("401", ex.Message, StringComparison.Ordinal);
    }
}
