using System.Net;
using System.Text.Json;

namespace CsmsCluster.Server.Tests.Api;

/// <summary>The idTag resource of the HTTP API: validation, round trip, unknown tags and listing.</summary>
public sealed class IdTagApiTests : ApiTestBase
{
    [Theory]
    [InlineData("TAG-BAD-1", """{"status":"Unknown"}""")]
    [InlineData("TAG-BAD-2", """{"status":"accepted"}""")]
    [InlineData("TAG-BAD-3", """{}""")]
    [InlineData("TAG-BAD-4", """{"status":null}""")]
    [InlineData("TAG-BAD-5", """{"status":"Accepted","parentIdTag":"PARENT-TAG-21-CHARSXY"}""")]
    [InlineData("TAG-BAD-6", """{"status":"Accepted","parentIdTag":""}""")]
    [InlineData("TAG-BAD-7", """{"status":"Accepted","expiryDate":"notadate"}""")]
    [InlineData("TAG-BAD-8", """{"status":""")]
    [InlineData("TAG-BAD-9", "")]
    [InlineData("ID-TAG-OF-21-CHARS-XX", """{"status":"Accepted"}""")]
    public async Task PutIdTag_Invalid_Is400Problem_AndStoresNothing(string idTag, string body)
    {
        using var response = await SendAsync(HttpMethod.Put, $"/api/v1/idtags/{idTag}", body);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, $"PUT /idtags/{idTag} with {body}");
        await Server.Api.GetJsonAsync($"/api/v1/idtags/{idTag}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task IdTag_PutGetDelete_RoundTrip()
    {
        var tag = NewId("RT", 20);
        Assert.Equal(20, tag.Length);
        var put = await Server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/idtags/{tag}", """{"status":"Blocked","expiryDate":"2031-06-30T12:00:00+02:00","parentIdTag":"FLEET-RT"}""");
        Assert.Equal(tag, put.GetProperty("idTag").GetString());
        Assert.Equal("Blocked", put.GetProperty("status").GetString());
        Assert.Equal(new DateTimeOffset(2031, 6, 30, 10, 0, 0, TimeSpan.Zero), put.GetProperty("expiryDate").GetDateTimeOffset());
        Assert.Equal("FLEET-RT", put.GetProperty("parentIdTag").GetString());

        var got = await Server.Api.GetJsonAsync($"/api/v1/idtags/{tag}");
        Assert.Equal(tag, got.GetProperty("idTag").GetString());
        Assert.Equal("Blocked", got.GetProperty("status").GetString());
        Assert.Equal(new DateTimeOffset(2031, 6, 30, 10, 0, 0, TimeSpan.Zero), got.GetProperty("expiryDate").GetDateTimeOffset());
        Assert.Equal("FLEET-RT", got.GetProperty("parentIdTag").GetString());

        // PUT replaces the entry.
        var replaced = await Server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/idtags/{tag}", """{"status":"Accepted"}""");
        Assert.Equal("Accepted", replaced.GetProperty("status").GetString());
        var again = await Server.Api.GetJsonAsync($"/api/v1/idtags/{tag}");
        Assert.Equal("Accepted", again.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, again.GetProperty("expiryDate").ValueKind);
        Assert.Equal(JsonValueKind.Null, again.GetProperty("parentIdTag").ValueKind);

        using (var deleted = await Server.Api.DeleteAsync($"/api/v1/idtags/{tag}", Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var gone = await Server.Api.GetAsync($"/api/v1/idtags/{tag}", Ct))
        {
            await AssertProblemAsync(gone, HttpStatusCode.NotFound, "GET of a deleted idTag");
        }

        using (var twice = await Server.Api.DeleteAsync($"/api/v1/idtags/{tag}", Ct))
        {
            await AssertProblemAsync(twice, HttpStatusCode.NotFound, "DELETE of a deleted idTag");
        }
    }

    [Fact]
    public async Task IdTag_GetOrDeleteUnknown_Is404Problem()
    {
        var tag = NewId("NOPE", 20);
        using (var get = await Server.Api.GetAsync($"/api/v1/idtags/{tag}", Ct))
        {
            await AssertProblemAsync(get, HttpStatusCode.NotFound, "GET of an unknown idTag");
        }

        using var delete = await Server.Api.DeleteAsync($"/api/v1/idtags/{tag}", Ct);
        await AssertProblemAsync(delete, HttpStatusCode.NotFound, "DELETE of an unknown idTag");
    }

    [Fact]
    public async Task ListIdTags_ReturnsEntries_AndPages()
    {
        // Its own server, so the totals are exact.
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        await using var server = await CsmsTestServer.StartAsync(db);
        var empty = await server.Api.GetJsonAsync("/api/v1/idtags");
        Assert.Equal(0, empty.GetProperty("total").GetInt32());
        Assert.Equal(0, empty.GetProperty("items").GetArrayLength());

        string[] tags = ["LIST-A", "LIST-B", "LIST-C"];
        foreach (var tag in tags)
        {
            await server.Api.PutIdTagAsync(tag, tag == "LIST-B" ? "Blocked" : "Accepted");
        }

        var all = await server.Api.GetJsonAsync("/api/v1/idtags");
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(1, all.GetProperty("page").GetInt32());
        Assert.Equal(50, all.GetProperty("pageSize").GetInt32());
        Assert.Equal(tags, all.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("idTag").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal("Blocked", all.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("idTag").GetString() == "LIST-B").GetProperty("status").GetString());

        var first = await server.Api.GetJsonAsync("/api/v1/idtags?pageSize=2");
        var second = await server.Api.GetJsonAsync("/api/v1/idtags?pageSize=2&page=2");
        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Equal(tags, first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(t => t.GetProperty("idTag").GetString()!).Order(StringComparer.Ordinal));
    }
}
