using System.Net;
using System.Text.Json;

namespace CsmsCluster.Server.Tests.Api;

/// <summary>The charge point resource of the HTTP API: registration, validation, lookup and listing (and bad list queries).</summary>
public sealed class ChargePointApiTests : ApiTestBase
{
    [Theory]
    [InlineData("""{"phases":2}""")]
    [InlineData("""{"phases":0}""")]
    [InlineData("""{"password":"0123456789abcde"}""")]
    [InlineData("""{"password":"0123456789012345678901234567890123456789x"}""")]
    [InlineData("""{"maxCurrent":0}""")]
    [InlineData("""{"maxCurrent":-16}""")]
    [InlineData("""{"siteId":"SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS"}""")]
    [InlineData("""{"siteId":""")]
    [InlineData("""not json""")]
    [InlineData("""{"phases":"three"}""")]
    [InlineData("""[1,3]""")]
    [InlineData("")]
    public async Task PutChargePoint_InvalidBody_Is400Problem_AndRegistersNothing(string body)
    {
        var cp = NewId("CP-PUT400");
        using var response = await SendAsync(HttpMethod.Put, $"/api/v1/chargepoints/{cp}", body);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, $"PUT /chargepoints with {body}");
        await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("CP-0123456789-0123456789-0123456789-0123456789-XY")] // 49 characters
    [InlineData("CP%20WITH%20SPACES")]
    public async Task PutChargePoint_InvalidId_Is400Problem(string encodedId)
    {
        using var response = await SendAsync(HttpMethod.Put, $"/api/v1/chargepoints/{encodedId}", """{"siteId":"S"}""");
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, $"PUT /chargepoints/{encodedId}");
    }

    [Fact]
    public async Task PutChargePoint_Valid_ReturnsViewWithoutPassword_AndUpdates()
    {
        var cp = NewId("CP-PUT200");
        const string password = "correct-horse-battery";

        using (var response = await SendAsync(HttpMethod.Put, $"/api/v1/chargepoints/{cp}", $$"""{"siteId":"SITE-PUT","password":"{{password}}","maxCurrent":32,"phases":3}"""))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.DoesNotContain(password, text, StringComparison.Ordinal);
            var view = JsonDocument.Parse(text).RootElement;
            Assert.Equal(cp, view.GetProperty("id").GetString());
            Assert.Equal("SITE-PUT", view.GetProperty("siteId").GetString());
            Assert.True(view.GetProperty("hasPassword").GetBoolean());
            Assert.True(view.GetProperty("registered").GetBoolean());
            Assert.Equal(32m, view.GetProperty("maxCurrent").GetDecimal());
            Assert.Equal(3, view.GetProperty("phases").GetInt32());
            Assert.False(view.GetProperty("connected").GetBoolean());
            Assert.DoesNotContain(view.EnumerateObject(), p => p.Name.Contains("password", StringComparison.OrdinalIgnoreCase) && p.Name != "hasPassword");
        }

        var got = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}");
        Assert.Equal("SITE-PUT", got.GetProperty("siteId").GetString());
        Assert.True(got.GetProperty("hasPassword").GetBoolean());
        Assert.DoesNotContain(password, got.GetRawText(), StringComparison.Ordinal);

        // Boundary lengths are accepted; an absent password keeps it; "" removes it.
        var sixteen = await Server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{cp}", """{"siteId":"SITE-PUT","password":"0123456789abcdef","phases":1}""");
        Assert.True(sixteen.GetProperty("hasPassword").GetBoolean());
        Assert.Equal(1, sixteen.GetProperty("phases").GetInt32());
        var forty = await Server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{cp}", """{"siteId":"SITE-PUT","password":"0123456789012345678901234567890123456789"}""");
        Assert.True(forty.GetProperty("hasPassword").GetBoolean());
        var kept = await Server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{cp}", """{"siteId":"SITE-PUT-2"}""");
        Assert.Equal("SITE-PUT-2", kept.GetProperty("siteId").GetString());
        Assert.True(kept.GetProperty("hasPassword").GetBoolean());
        var removed = await Server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{cp}", """{"siteId":"SITE-PUT-2","password":""}""");
        Assert.False(removed.GetProperty("hasPassword").GetBoolean());

        // The longest accepted id is 48 characters.
        var longest = $"CP-48-{Guid.NewGuid():N}-0123456789"[..48];
        var registered = await Server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{longest}", "{}");
        Assert.Equal(longest, registered.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("CP-NEVER-SEEN")]
    [InlineData("CP%20NEVER")]
    public async Task GetChargePoint_Unknown_Is404Problem(string encodedId)
    {
        using var response = await Server.Api.GetAsync($"/api/v1/chargepoints/{encodedId}", Ct);
        await AssertProblemAsync(response, HttpStatusCode.NotFound, $"GET /chargepoints/{encodedId}");
    }

    [Fact]
    public async Task ListChargePoints_FiltersBySite_AndPages()
    {
        var site = NewId("SITE-LIST");
        var ids = Enumerable.Range(0, 3).Select(i => NewId($"CP-LIST{i}")).ToList();
        foreach (var id in ids)
        {
            await Server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{id}", $$"""{"siteId":"{{site}}"}""");
        }

        var all = await Server.Api.GetJsonAsync($"/api/v1/chargepoints?siteId={site}");
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(1, all.GetProperty("page").GetInt32());
        Assert.Equal(50, all.GetProperty("pageSize").GetInt32());
        Assert.Equal(ids.Order(StringComparer.Ordinal), all.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(all.GetProperty("items").EnumerateArray(), c =>
        {
            Assert.Equal(site, c.GetProperty("siteId").GetString());
            Assert.False(c.GetProperty("connected").GetBoolean());
        });

        var first = await Server.Api.GetJsonAsync($"/api/v1/chargepoints?siteId={site}&pageSize=2");
        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Equal(2, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var second = await Server.Api.GetJsonAsync($"/api/v1/chargepoints?siteId={site}&pageSize=2&page=2");
        Assert.Equal(3, second.GetProperty("total").GetInt32());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        var paged = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(c => c.GetProperty("id").GetString()!);
        Assert.Equal(ids.Order(StringComparer.Ordinal), paged.Order(StringComparer.Ordinal));
        var beyond = await Server.Api.GetJsonAsync($"/api/v1/chargepoints?siteId={site}&pageSize=2&page=3");
        Assert.Equal(3, beyond.GetProperty("total").GetInt32());
        Assert.Equal(0, beyond.GetProperty("items").GetArrayLength());

        var none = await Server.Api.GetJsonAsync($"/api/v1/chargepoints?siteId={NewId("SITE-EMPTY")}");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        Assert.Equal(0, none.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/chargepoints?pageSize=0")]
    [InlineData("/api/v1/chargepoints?pageSize=501")]
    [InlineData("/api/v1/chargepoints?page=0")]
    [InlineData("/api/v1/chargepoints?page=-1")]
    [InlineData("/api/v1/chargepoints?page=abc")]
    [InlineData("/api/v1/idtags?pageSize=0")]
    [InlineData("/api/v1/idtags?page=0")]
    [InlineData("/api/v1/transactions?pageSize=0")]
    [InlineData("/api/v1/transactions?pageSize=501")]
    [InlineData("/api/v1/transactions?page=0")]
    [InlineData("/api/v1/transactions?from=notadate")]
    [InlineData("/api/v1/transactions?to=notadate")]
    [InlineData("/api/v1/transactions?from=2026-13-45T99:00:00Z")]
    public async Task List_BadQuery_Is400Problem(string path)
    {
        using var response = await Server.Api.GetAsync(path, Ct);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, $"GET {path}");
    }
}
