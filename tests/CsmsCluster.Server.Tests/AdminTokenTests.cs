using System.Net;
using System.Net.Http.Headers;

namespace CsmsCluster.Server.Tests;

/// <summary>The bootstrap admin token when none is configured.</summary>
public sealed class AdminTokenTests
{
    [Fact]
    public async Task NoConfiguredToken_OneIsGeneratedAtStart_KeptInTheDataDirectory_AndAcceptedByTheApi()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        string token;
        await using (var server = await CsmsTestServer.StartAsync(db, new Dictionary<string, string?> { ["Csms:Api:AdminToken"] = string.Empty }))
        {
            var path = Path.Combine(server.DataDirectory, "admin-token");
            Assert.True(File.Exists(path), "the generated token must exist as soon as the server has started");
            token = (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).Trim();
            Assert.Equal(64, token.Length);

            using var client = new HttpClient { BaseAddress = server.BaseUri };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var ok = await client.GetAsync("/api/v1/chargepoints", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            using var configured = await server.Api.GetAsync("/api/v1/chargepoints", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, configured.StatusCode);
        }
    }
}
