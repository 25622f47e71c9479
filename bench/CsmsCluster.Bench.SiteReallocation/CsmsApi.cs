using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>The few HTTP API calls the benchmark needs (bearer token, JSON).</summary>
public sealed class CsmsApi(Uri baseAddress, string token) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public Task PutSiteAsync(string siteId, double limit) => PutAsync($"/api/v1/sites/{siteId}",
        string.Create(CultureInfo.InvariantCulture, $$"""{"limit":{{limit:0.###}},"unit":"A","voltage":230,"margin":0}"""));

    public Task PutChargePointAsync(string id, string siteId) =>
        PutAsync($"/api/v1/chargepoints/{id}", $$"""{"siteId":"{{siteId}}","maxCurrent":32,"phases":3}""");

    public async Task<SiteSnapshot> GetSiteAsync(string siteId)
    {
        using var request = Request(HttpMethod.Get, $"/api/v1/sites/{siteId}");
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return SiteSnapshot.Parse(document.RootElement);
    }

    public async Task<bool> ReadyAsync()
    {
        try
        {
            using var response = await _http.GetAsync(new Uri("/readyz", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task PutAsync(string path, string body)
    {
        using var request = Request(HttpMethod.Put, path);
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
