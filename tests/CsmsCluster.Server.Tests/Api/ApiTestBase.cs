using System.Net;
using System.Text;
using System.Text.Json;

namespace CsmsCluster.Server.Tests.Api;

/// <summary>
/// The HTTP API's contract tests: each test gets its own server on a fresh SQLite database (<see cref="ServerTest"/>),
/// plus the helpers for sending requests and checking problem documents.
/// </summary>
public abstract class ApiTestBase : ServerTest
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static string NewId(string prefix, int length = 30) => $"{prefix}-{Guid.NewGuid():N}"[..length];

    protected async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        return await Server.Api.SendAsync(request, Ct);
    }

    protected Task<HttpResponseMessage> PostOcppAsync(string chargePointId, string action, string body, string query = "") =>
        SendAsync(HttpMethod.Post, $"/api/v1/chargepoints/{chargePointId}/ocpp/{action}{query}", body);

    protected static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{what}: expected HTTP {(int)expected} but got {(int)response.StatusCode}: {body}");
        Assert.True(
            response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{what}: expected an application/problem+json document, got content-type '{response.Content.Headers.ContentType}' and body '{body}'");
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()), $"{what}: the problem has no title: {body}");
        return problem;
    }
}
