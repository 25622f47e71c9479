using System.Net;
using System.Text;
using System.Text.Json;

namespace CsmsCluster.Server.Tests.Api;

/// <summary>The HTTP API's authentication, and the health and OpenAPI endpoints that need none.</summary>
public sealed class AuthAndHealthApiTests : ApiTestBase
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Bearer " + CsmsTestServer.AdminToken + "x")]
    [InlineData("Bearer ")]
    [InlineData("Basic dGVzdC1hZG1pbi10b2tlbjp4")]
    [InlineData(CsmsTestServer.AdminToken)]
    public async Task Api_WithoutValidBearerToken_Is401Problem(string? authorization)
    {
        using var anonymous = new HttpClient { BaseAddress = Server.BaseUri };
        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Get, "/api/v1/chargepoints"),
                     (HttpMethod.Get, "/api/v1/chargepoints/CP-AUTH-401"),
                     (HttpMethod.Put, "/api/v1/chargepoints/CP-AUTH-401"),
                     (HttpMethod.Post, "/api/v1/chargepoints/CP-AUTH-401/ocpp/Reset"),
                     (HttpMethod.Get, "/api/v1/transactions"),
                     (HttpMethod.Get, "/api/v1/idtags"),
                     (HttpMethod.Put, "/api/v1/idtags/AUTH401"),
                 })
        {
            using var request = new HttpRequestMessage(method, path);
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            if (method != HttpMethod.Get)
            {
                request.Content = new StringContent("""{"status":"Accepted","type":"Soft"}""", Encoding.UTF8, "application/json");
            }

            using var response = await anonymous.SendAsync(request, Ct);
            var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized, $"{method} {path}");
            Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
            Assert.Equal("Unauthorized", problem.GetProperty("title").GetString());
        }

        // Nothing was changed by the refused writes.
        await Server.Api.GetJsonAsync("/api/v1/chargepoints/CP-AUTH-401", HttpStatusCode.NotFound);
        await Server.Api.GetJsonAsync("/api/v1/idtags/AUTH401", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task HealthEndpoints_Are200WithoutToken(string path)
    {
        using var anonymous = new HttpClient { BaseAddress = Server.BaseUri };
        using var response = await anonymous.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_Is200WithoutToken_AndListsTheApiPaths()
    {
        using var anonymous = new HttpClient { BaseAddress = Server.BaseUri };
        using var response = await anonymous.GetAsync("/openapi/v1.json", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name.TrimEnd('/')).ToHashSet(StringComparer.Ordinal);
        foreach (var expected in new[]
                 {
                     "/api/v1/chargepoints",
                     "/api/v1/chargepoints/{id}",
                     "/api/v1/chargepoints/{id}/ocpp/{action}",
                     "/api/v1/transactions",
                     "/api/v1/transactions/{id}",
                     "/api/v1/idtags",
                     "/api/v1/idtags/{idTag}",
                     "/api/v1/sites/{siteId}",
                     "/api/v1/security-events",
                 })
        {
            Assert.True(paths.Contains(expected), $"The OpenAPI document has no path {expected}; it has: {string.Join(", ", paths)}");
        }
    }

    [Theory]
    [InlineData("reset", "type", "Hard")]
    [InlineData("trigger/extended", "requestedMessage", "SignChargePointCertificate")]
    [InlineData("certificates/delete", "certificateHashData", null)]
    public async Task OpenApiDocument_TypedCommands_CarryTheOcppSchemasOfBodyAndAnswer(string route, string property, string? enumValue)
    {
        using var anonymous = new HttpClient { BaseAddress = Server.BaseUri };
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json", Ct));
        var operation = document.RootElement.GetProperty("paths").GetProperty($"/api/v1/chargepoints/{{id}}/commands/{route}").GetProperty("post");

        var body = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Contains(property, body.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var schema = body.GetProperty("properties").GetProperty(property);
        // Local #/definitions references of the security-extension schemas are inlined, so nothing dangles.
        Assert.DoesNotContain("#/definitions", body.GetRawText(), StringComparison.Ordinal);
        if (enumValue is null)
        {
            Assert.Equal("object", schema.GetProperty("type").GetString());
        }
        else
        {
            Assert.Contains(enumValue, schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        }

        var answer = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Contains("status", answer.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }
}
