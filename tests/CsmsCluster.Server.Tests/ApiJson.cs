using System.Net;
using System.Text;
using System.Text.Json;

namespace CsmsCluster.Server.Tests;

/// <summary>Small helpers for calling the API in tests.</summary>
public static class ApiJson
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        return await ReadAsync(response, expected);
    }

    public static async Task<JsonElement> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string json, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request);
        return await ReadAsync(response, expected);
    }

    public static Task PutIdTagAsync(this HttpClient client, string idTag, string status, string? extra = null) =>
        client.SendJsonAsync(HttpMethod.Put, $"/api/v1/idtags/{idTag}", $$"""{"status":"{{status}}"{{extra}}}""");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected HTTP {(int)expected} but got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
