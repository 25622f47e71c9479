using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CsmsCluster.TestSupport;

namespace CsmsCluster.Server.Tests;

/// <summary>The HTTP API's contract: authentication, validation and error behaviour, exact status codes and fields.</summary>
public sealed class ApiTests : IAsyncLifetime
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);

    private TestDatabase _db = null!;
    private CsmsTestServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        _server = await CsmsTestServer.StartAsync(_db);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _db.DisposeAsync();
    }

    // ---------------------------------------------------------------- authentication, health, OpenAPI

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Bearer " + CsmsTestServer.AdminToken + "x")]
    [InlineData("Bearer ")]
    [InlineData("Basic dGVzdC1hZG1pbi10b2tlbjp4")]
    [InlineData(CsmsTestServer.AdminToken)]
    public async Task Api_WithoutValidBearerToken_Is401Problem(string? authorization)
    {
        using var anonymous = new HttpClient { BaseAddress = _server.BaseUri };
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
        await _server.Api.GetJsonAsync("/api/v1/chargepoints/CP-AUTH-401", HttpStatusCode.NotFound);
        await _server.Api.GetJsonAsync("/api/v1/idtags/AUTH401", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task HealthEndpoints_Are200WithoutToken(string path)
    {
        using var anonymous = new HttpClient { BaseAddress = _server.BaseUri };
        using var response = await anonymous.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_Is200WithoutToken_AndListsTheApiPaths()
    {
        using var anonymous = new HttpClient { BaseAddress = _server.BaseUri };
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
                 })
        {
            Assert.True(paths.Contains(expected), $"The OpenAPI document has no path {expected}; it has: {string.Join(", ", paths)}");
        }
    }

    // ---------------------------------------------------------------- charge points

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
        await _server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}", HttpStatusCode.NotFound);
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

        var got = await _server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}");
        Assert.Equal("SITE-PUT", got.GetProperty("siteId").GetString());
        Assert.True(got.GetProperty("hasPassword").GetBoolean());
        Assert.DoesNotContain(password, got.GetRawText(), StringComparison.Ordinal);

        // Boundary lengths are accepted; an absent password keeps it; "" removes it.
        var sixteen = await _server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{cp}", """{"siteId":"SITE-PUT","password":"0123456789abcdef","phases":1}""");
        Assert.True(sixteen.GetProperty("hasPassword").GetBoolean());
        Assert.Equal(1, sixteen.GetProperty("phases").GetInt32());
        var forty = await _server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{cp}", """{"siteId":"SITE-PUT","password":"0123456789012345678901234567890123456789"}""");
        Assert.True(forty.GetProperty("hasPassword").GetBoolean());
        var kept = await _server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{cp}", """{"siteId":"SITE-PUT-2"}""");
        Assert.Equal("SITE-PUT-2", kept.GetProperty("siteId").GetString());
        Assert.True(kept.GetProperty("hasPassword").GetBoolean());
        var removed = await _server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{cp}", """{"siteId":"SITE-PUT-2","password":""}""");
        Assert.False(removed.GetProperty("hasPassword").GetBoolean());

        // The longest accepted id is 48 characters.
        var longest = $"CP-48-{Guid.NewGuid():N}-0123456789"[..48];
        var registered = await _server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{longest}", "{}");
        Assert.Equal(longest, registered.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("CP-NEVER-SEEN")]
    [InlineData("CP%20NEVER")]
    public async Task GetChargePoint_Unknown_Is404Problem(string encodedId)
    {
        using var response = await _server.Api.GetAsync($"/api/v1/chargepoints/{encodedId}", Ct);
        await AssertProblemAsync(response, HttpStatusCode.NotFound, $"GET /chargepoints/{encodedId}");
    }

    [Fact]
    public async Task ListChargePoints_FiltersBySite_AndPages()
    {
        var site = NewId("SITE-LIST");
        var ids = Enumerable.Range(0, 3).Select(i => NewId($"CP-LIST{i}")).ToList();
        foreach (var id in ids)
        {
            await _server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{id}", $$"""{"siteId":"{{site}}"}""");
        }

        var all = await _server.Api.GetJsonAsync($"/api/v1/chargepoints?siteId={site}");
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(1, all.GetProperty("page").GetInt32());
        Assert.Equal(50, all.GetProperty("pageSize").GetInt32());
        Assert.Equal(ids.Order(StringComparer.Ordinal), all.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(all.GetProperty("items").EnumerateArray(), c =>
        {
            Assert.Equal(site, c.GetProperty("siteId").GetString());
            Assert.False(c.GetProperty("connected").GetBoolean());
        });

        var first = await _server.Api.GetJsonAsync($"/api/v1/chargepoints?siteId={site}&pageSize=2");
        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Equal(2, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var second = await _server.Api.GetJsonAsync($"/api/v1/chargepoints?siteId={site}&pageSize=2&page=2");
        Assert.Equal(3, second.GetProperty("total").GetInt32());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        var paged = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(c => c.GetProperty("id").GetString()!);
        Assert.Equal(ids.Order(StringComparer.Ordinal), paged.Order(StringComparer.Ordinal));
        var beyond = await _server.Api.GetJsonAsync($"/api/v1/chargepoints?siteId={site}&pageSize=2&page=3");
        Assert.Equal(3, beyond.GetProperty("total").GetInt32());
        Assert.Equal(0, beyond.GetProperty("items").GetArrayLength());

        var none = await _server.Api.GetJsonAsync($"/api/v1/chargepoints?siteId={NewId("SITE-EMPTY")}");
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
        using var response = await _server.Api.GetAsync(path, Ct);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, $"GET {path}");
    }

    // ---------------------------------------------------------------- CSMS-initiated calls

    [Fact]
    public async Task OcppCall_UnknownChargePoint_Is404Problem()
    {
        using var response = await PostOcppAsync(NewId("CP-UNKNOWN"), "Reset", """{"type":"Soft"}""");
        await AssertProblemAsync(response, HttpStatusCode.NotFound, "POST .../ocpp/Reset to an unknown charge point");
    }

    [Fact]
    public async Task OcppCall_RegisteredOrDisconnectedChargePoint_Is409Problem()
    {
        var registered = NewId("CP-409-REG");
        await _server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{registered}", """{"siteId":"S409"}""");
        using (var response = await PostOcppAsync(registered, "Reset", """{"type":"Soft"}"""))
        {
            await AssertProblemAsync(response, HttpStatusCode.Conflict, "POST .../ocpp/Reset to a registered charge point that never connected");
        }

        var gone = NewId("CP-409-GONE");
        await using (var charger = await OcppTestClient.ConnectAsync(_server.OcppUri(gone)))
        {
            await charger.CallAsync("BootNotification", Ocpp16Payloads.Boot);
        }

        await Eventually.WaitAsync(
            async () => !(await _server.Api.GetJsonAsync($"/api/v1/chargepoints/{gone}")).GetProperty("connected").GetBoolean(),
            TimeSpan.FromSeconds(10),
            "the charge point to show as disconnected after its socket closed");
        using (var response = await PostOcppAsync(gone, "Reset", """{"type":"Soft"}"""))
        {
            await AssertProblemAsync(response, HttpStatusCode.Conflict, "POST .../ocpp/Reset to a charge point whose socket closed");
        }
    }

    [Theory]
    [InlineData("Foo")]
    [InlineData("BootNotification")]
    [InlineData("Heartbeat")]
    [InlineData("StartTransaction")]
    [InlineData("StatusNotification")]
    public async Task OcppCall_UnknownOrChargerInitiatedAction_Is404Problem_AndNothingIsSent(string action)
    {
        var cp = NewId("CP-404-ACT");
        await using var charger = await ConnectAnsweringAsync(cp);
        using (var response = await PostOcppAsync(cp, action, "{}"))
        {
            await AssertProblemAsync(response, HttpStatusCode.NotFound, $"POST .../ocpp/{action}");
        }

        await AssertOnlyThisCallReachesChargerAsync(cp, charger);
    }

    [Theory]
    [InlineData("Reset", """{"type":"Bogus"}""", "PropertyConstraintViolation")]
    [InlineData("Reset", """{"type":"Soft","extra":1}""", "PropertyConstraintViolation")]
    [InlineData("Reset", """{}""", "OccurrenceConstraintViolation")]
    [InlineData("Reset", """{"type":1}""", "TypeConstraintViolation")]
    [InlineData("ChangeAvailability", """{"connectorId":"1","type":"Operative"}""", "TypeConstraintViolation")]
    [InlineData("ChangeAvailability", """{"connectorId":1}""", "OccurrenceConstraintViolation")]
    [InlineData("UnlockConnector", """{}""", "OccurrenceConstraintViolation")]
    [InlineData("GetConfiguration", """{"key":"HeartbeatInterval"}""", "TypeConstraintViolation")]
    [InlineData("RemoteStartTransaction", """{"idTag":"ID-TAG-OF-21-CHARS-XX"}""", "PropertyConstraintViolation")]
    [InlineData("TriggerMessage", """{"requestedMessage":"Bogus"}""", "PropertyConstraintViolation")]
    public async Task OcppCall_PayloadFailsSchema_Is422WithErrorCode_AndNothingIsSent(string action, string body, string errorCode)
    {
        var cp = NewId("CP-422");
        await using var charger = await ConnectAnsweringAsync(cp);
        using (var response = await PostOcppAsync(cp, action, body))
        {
            var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, $"POST .../ocpp/{action} with {body}");
            Assert.Equal(errorCode, problem.GetProperty("errorCode").GetString());
        }

        await AssertOnlyThisCallReachesChargerAsync(cp, charger);
    }

    [Theory]
    [InlineData("""{"type":""")]
    [InlineData("""not json""")]
    [InlineData("""{"type":"Soft"} trailing""")]
    public async Task OcppCall_InvalidJsonBody_Is400Problem_AndNothingIsSent(string body)
    {
        var cp = NewId("CP-400-JSON");
        await using var charger = await ConnectAnsweringAsync(cp);
        using (var response = await PostOcppAsync(cp, "Reset", body))
        {
            await AssertProblemAsync(response, HttpStatusCode.BadRequest, $"POST .../ocpp/Reset with {body}");
        }

        await AssertOnlyThisCallReachesChargerAsync(cp, charger);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("301")]
    [InlineData("abc")]
    public async Task OcppCall_InvalidTimeout_Is400Problem_AndNothingIsSent(string timeout)
    {
        var cp = NewId("CP-400-TMO");
        await using var charger = await ConnectAnsweringAsync(cp);
        using (var response = await PostOcppAsync(cp, "Reset", """{"type":"Soft"}""", $"?timeout={timeout}"))
        {
            await AssertProblemAsync(response, HttpStatusCode.BadRequest, $"POST .../ocpp/Reset?timeout={timeout}");
        }

        await AssertOnlyThisCallReachesChargerAsync(cp, charger);
    }

    [Fact]
    public async Task OcppCall_ChargerAnswers_Is200WithExactlyItsPayload()
    {
        var cp = NewId("CP-200");
        const string answer = """{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"300"},{"key":"NumberOfConnectors","readonly":true,"value":"2"}],"unknownKey":["NoSuchKey"]}""";
        await using var charger = await OcppTestClient.ConnectAsync(_server.OcppUri(cp));
        charger.OnCall = (action, _) => action == "GetConfiguration" ? answer : null;
        await charger.CallAsync("BootNotification", Ocpp16Payloads.Boot);

        const string request = """{"key":["HeartbeatInterval","NumberOfConnectors","NoSuchKey"]}""";
        using var response = await PostOcppAsync(cp, "GetConfiguration", request);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected HTTP 200 but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(answer), JsonNode.Parse(body)), $"Expected exactly the charger's payload {answer}, got {body}");

        var (receivedAction, receivedPayload) = Assert.Single(charger.ReceivedCalls);
        Assert.Equal("GetConfiguration", receivedAction);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(request), JsonNode.Parse(receivedPayload.GetRawText())), $"The charger got {receivedPayload.GetRawText()}, expected {request}");
    }

    [Fact]
    public async Task OcppCall_ChargerAnswersCallError_Is502WithErrorCodeAndDescription()
    {
        var cp = NewId("CP-502");
        await using var charger = await RawCharger.ConnectAsync(_server.OcppUri(cp), Ct);
        await charger.BootAsync();

        var post = PostOcppAsync(cp, "Reset", """{"type":"Hard"}""");
        var call = await charger.NextAsync(AnswerTimeout);
        Assert.Equal(2, call[0].GetInt32());
        Assert.Equal("Reset", call[2].GetString());
        Assert.Equal("Hard", call[3].GetProperty("type").GetString());
        await charger.SendAsync($$"""[4,"{{call[1].GetString()}}","InternalError","Relay welded, cannot reset",{"relay":2}]""");

        using var response = await post;
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadGateway, "POST .../ocpp/Reset answered with a CALLERROR");
        Assert.Equal("InternalError", problem.GetProperty("errorCode").GetString());
        Assert.Equal("Relay welded, cannot reset", problem.GetProperty("errorDescription").GetString());
    }

    [Fact]
    public async Task OcppCall_NoAnswerWithinTimeout_Is504_AndTheSlotIsFreed()
    {
        var cp = NewId("CP-504");
        await using var charger = await RawCharger.ConnectAsync(_server.OcppUri(cp), Ct);
        await charger.BootAsync();

        var post = PostOcppAsync(cp, "Reset", """{"type":"Soft"}""", "?timeout=1");
        var unanswered = await charger.NextAsync(AnswerTimeout);
        Assert.Equal("Reset", unanswered[2].GetString());
        using (var response = await post.WaitAsync(AnswerTimeout, Ct))
        {
            await AssertProblemAsync(response, HttpStatusCode.GatewayTimeout, "POST .../ocpp/Reset?timeout=1 without an answer");
        }

        // The outstanding-call slot was freed: the next call is sent, and the late answer to the timed-out call is
        // neither taken for the next call's answer nor breaks the connection.
        var next = PostOcppAsync(cp, "ChangeAvailability", """{"connectorId":1,"type":"Inoperative"}""");
        var second = await charger.NextAsync(AnswerTimeout);
        Assert.Equal("ChangeAvailability", second[2].GetString());
        Assert.NotEqual(unanswered[1].GetString(), second[1].GetString());
        await charger.SendAsync($$"""[3,"{{unanswered[1].GetString()}}",{"status":"Rejected"}]""");
        await charger.SendAsync($$"""[3,"{{second[1].GetString()}}",{"status":"Scheduled"}]""");
        using (var response = await next.WaitAsync(AnswerTimeout, Ct))
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected HTTP 200 but got {(int)response.StatusCode}: {body}");
            Assert.Equal("Scheduled", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
        }

        var third = PostOcppAsync(cp, "Reset", """{"type":"Soft"}""");
        var thirdCall = await charger.NextAsync(AnswerTimeout);
        await charger.SendAsync($$"""[3,"{{thirdCall[1].GetString()}}",{"status":"Accepted"}]""");
        using (var response = await third.WaitAsync(AnswerTimeout, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var heartbeat = await charger.CallAsync("Heartbeat", "{}", AnswerTimeout);
        Assert.Equal(3, heartbeat[0].GetInt32());
    }

    [Fact]
    public async Task OcppCall_ConcurrentCommands_AreSentOneAtATime()
    {
        var cp = NewId("CP-SERIAL");
        await using var charger = await RawCharger.ConnectAsync(_server.OcppUri(cp), Ct);
        await charger.BootAsync();

        var first = PostOcppAsync(cp, "GetConfiguration", """{"key":["A"]}""");
        var second = PostOcppAsync(cp, "GetConfiguration", """{"key":["B"]}""");
        var callOne = await charger.NextAsync(AnswerTimeout);

        // While the first CALL is unanswered, the second must not be on the wire (one outstanding CALL per direction).
        var early = await charger.TryNextAsync(TimeSpan.FromSeconds(1));
        Assert.True(early is null, $"A second CALL was sent before the first was answered: {early?.GetRawText()}");

        await charger.SendAsync(AnswerFor(callOne));
        var callTwo = await charger.NextAsync(AnswerTimeout);
        Assert.NotEqual(callOne[1].GetString(), callTwo[1].GetString());
        await charger.SendAsync(AnswerFor(callTwo));

        var keys = new[] { KeyOf(callOne), KeyOf(callTwo) }.Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "A", "B" }, keys);
        foreach (var (post, key) in new[] { (first, "A"), (second, "B") })
        {
            using var response = await post.WaitAsync(AnswerTimeout, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected HTTP 200 but got {(int)response.StatusCode}: {body}");
            Assert.Equal(key, JsonDocument.Parse(body).RootElement.GetProperty("unknownKey")[0].GetString());
        }

        static string KeyOf(JsonElement call) => call[3].GetProperty("key")[0].GetString()!;
        static string AnswerFor(JsonElement call) => $$"""[3,"{{call[1].GetString()}}",{"configurationKey":[],"unknownKey":["{{KeyOf(call)}}"]}]""";
    }

    // ---------------------------------------------------------------- id tags

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
        await _server.Api.GetJsonAsync($"/api/v1/idtags/{idTag}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task IdTag_PutGetDelete_RoundTrip()
    {
        var tag = NewId("RT", 20);
        Assert.Equal(20, tag.Length);
        var put = await _server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/idtags/{tag}", """{"status":"Blocked","expiryDate":"2031-06-30T12:00:00+02:00","parentIdTag":"FLEET-RT"}""");
        Assert.Equal(tag, put.GetProperty("idTag").GetString());
        Assert.Equal("Blocked", put.GetProperty("status").GetString());
        Assert.Equal(new DateTimeOffset(2031, 6, 30, 10, 0, 0, TimeSpan.Zero), put.GetProperty("expiryDate").GetDateTimeOffset());
        Assert.Equal("FLEET-RT", put.GetProperty("parentIdTag").GetString());

        var got = await _server.Api.GetJsonAsync($"/api/v1/idtags/{tag}");
        Assert.Equal(tag, got.GetProperty("idTag").GetString());
        Assert.Equal("Blocked", got.GetProperty("status").GetString());
        Assert.Equal(new DateTimeOffset(2031, 6, 30, 10, 0, 0, TimeSpan.Zero), got.GetProperty("expiryDate").GetDateTimeOffset());
        Assert.Equal("FLEET-RT", got.GetProperty("parentIdTag").GetString());

        // PUT replaces the entry.
        var replaced = await _server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/idtags/{tag}", """{"status":"Accepted"}""");
        Assert.Equal("Accepted", replaced.GetProperty("status").GetString());
        var again = await _server.Api.GetJsonAsync($"/api/v1/idtags/{tag}");
        Assert.Equal("Accepted", again.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, again.GetProperty("expiryDate").ValueKind);
        Assert.Equal(JsonValueKind.Null, again.GetProperty("parentIdTag").ValueKind);

        using (var deleted = await _server.Api.DeleteAsync($"/api/v1/idtags/{tag}", Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var gone = await _server.Api.GetAsync($"/api/v1/idtags/{tag}", Ct))
        {
            await AssertProblemAsync(gone, HttpStatusCode.NotFound, "GET of a deleted idTag");
        }

        using (var twice = await _server.Api.DeleteAsync($"/api/v1/idtags/{tag}", Ct))
        {
            await AssertProblemAsync(twice, HttpStatusCode.NotFound, "DELETE of a deleted idTag");
        }
    }

    [Fact]
    public async Task IdTag_GetOrDeleteUnknown_Is404Problem()
    {
        var tag = NewId("NOPE", 20);
        using (var get = await _server.Api.GetAsync($"/api/v1/idtags/{tag}", Ct))
        {
            await AssertProblemAsync(get, HttpStatusCode.NotFound, "GET of an unknown idTag");
        }

        using var delete = await _server.Api.DeleteAsync($"/api/v1/idtags/{tag}", Ct);
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

    // ---------------------------------------------------------------- transactions

    [Theory]
    [InlineData("987654321")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("abc")]
    public async Task GetTransaction_Unknown_Is404Problem(string id)
    {
        using var response = await _server.Api.GetAsync($"/api/v1/transactions/{id}", Ct);
        await AssertProblemAsync(response, HttpStatusCode.NotFound, $"GET /transactions/{id}");
    }

    [Fact]
    public async Task ListTransactions_FiltersByChargePointIdTagAndTime_AndPages()
    {
        var cpA = NewId("CP-TXA");
        var cpB = NewId("CP-TXB");
        var tagX = NewId("TX-X", 20);
        var tagY = NewId("TX-Y", 20);
        await _server.Api.PutIdTagAsync(tagX, "Accepted");
        await _server.Api.PutIdTagAsync(tagY, "Accepted");

        int tx1, tx2, tx3;
        await using (var a = await OcppTestClient.ConnectAsync(_server.OcppUri(cpA)))
        await using (var b = await OcppTestClient.ConnectAsync(_server.OcppUri(cpB)))
        {
            tx1 = await StartAsync(a, 1, tagX, 100, "2031-05-01T10:00:00Z");
            await a.CallAsync("StopTransaction", Ocpp16Payloads.Stop(tx1, 600, "2031-05-01T11:00:00Z", tagX));
            tx2 = await StartAsync(a, 2, tagY, 2000, "2031-05-02T10:00:00Z");
            tx3 = await StartAsync(b, 1, tagX, 50, "2031-05-03T10:00:00Z");
        }

        Assert.Equal(new[] { tx2, tx1 }, await IdsAsync($"chargePointId={cpA}", 2));
        Assert.Equal(new[] { tx3 }, await IdsAsync($"chargePointId={cpB}", 1));
        Assert.Equal(new[] { tx3, tx1 }, await IdsAsync($"idTag={tagX}", 2));
        Assert.Equal(new[] { tx2 }, await IdsAsync($"chargePointId={cpA}&idTag={tagY}", 1));
        Assert.Empty(await IdsAsync($"chargePointId={cpB}&idTag={tagY}", 0));
        Assert.Empty(await IdsAsync($"chargePointId={NewId("CP-NONE")}", 0));

        // from is inclusive, to exclusive, both on the start time; offsets are honoured.
        Assert.Equal(new[] { tx2 }, await IdsAsync("from=2031-05-02T00:00:00Z&to=2031-05-03T00:00:00Z", 1));
        Assert.Equal(new[] { tx1 }, await IdsAsync("from=2031-05-01T10:00:00Z&to=2031-05-02T10:00:00Z", 1));
        Assert.Equal(new[] { tx3, tx2 }, await IdsAsync("from=2031-05-02T12:00:00%2B02:00&to=2031-06-01T00:00:00Z", 2));
        Assert.Equal(new[] { tx3, tx1 }, await IdsAsync($"idTag={tagX}&from=2031-04-01T00:00:00Z", 2));
        Assert.Equal(new[] { tx1 }, await IdsAsync($"chargePointId={cpA}&to=2031-05-02T00:00:00Z", 1));

        // Pages, newest first.
        var page1 = await _server.Api.GetJsonAsync($"/api/v1/transactions?chargePointId={cpA}&pageSize=1");
        Assert.Equal(2, page1.GetProperty("total").GetInt32());
        Assert.Equal(1, page1.GetProperty("page").GetInt32());
        Assert.Equal(1, page1.GetProperty("pageSize").GetInt32());
        Assert.Equal(tx2, Assert.Single(page1.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        var page2 = await _server.Api.GetJsonAsync($"/api/v1/transactions?chargePointId={cpA}&pageSize=1&page=2");
        Assert.Equal(2, page2.GetProperty("page").GetInt32());
        Assert.Equal(tx1, Assert.Single(page2.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        var page3 = await _server.Api.GetJsonAsync($"/api/v1/transactions?chargePointId={cpA}&pageSize=1&page=3");
        Assert.Equal(2, page3.GetProperty("total").GetInt32());
        Assert.Equal(0, page3.GetProperty("items").GetArrayLength());

        // List items carry the shape without meter values; the stopped one has its energy, the open one none.
        var items = (await _server.Api.GetJsonAsync($"/api/v1/transactions?chargePointId={cpA}")).GetProperty("items");
        var stopped = items.EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == tx1);
        Assert.Equal(cpA, stopped.GetProperty("chargePointId").GetString());
        Assert.Equal(1, stopped.GetProperty("connectorId").GetInt32());
        Assert.Equal(tagX, stopped.GetProperty("idTag").GetString());
        Assert.Equal(100, stopped.GetProperty("meterStart").GetInt64());
        Assert.Equal(600, stopped.GetProperty("meterStop").GetInt64());
        Assert.Equal(500, stopped.GetProperty("energyWh").GetInt64());
        Assert.Equal(new DateTimeOffset(2031, 5, 1, 10, 0, 0, TimeSpan.Zero), stopped.GetProperty("startTime").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2031, 5, 1, 11, 0, 0, TimeSpan.Zero), stopped.GetProperty("stopTime").GetDateTimeOffset());
        Assert.False(stopped.TryGetProperty("meterValues", out _));
        var open = items.EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == tx2);
        Assert.Equal(2, open.GetProperty("connectorId").GetInt32());
        Assert.Equal(JsonValueKind.Null, open.GetProperty("stopTime").ValueKind);
        Assert.Equal(JsonValueKind.Null, open.GetProperty("energyWh").ValueKind);

        var detail = await _server.Api.GetJsonAsync($"/api/v1/transactions/{tx2}");
        Assert.Equal(2000, detail.GetProperty("meterStart").GetInt64());
        Assert.Equal(0, detail.GetProperty("meterValues").GetArrayLength());

        async Task<List<int>> IdsAsync(string query, int expectedTotal)
        {
            var page = await _server.Api.GetJsonAsync($"/api/v1/transactions?{query}");
            Assert.True(page.GetProperty("total").GetInt32() == expectedTotal, $"GET /transactions?{query}: expected total {expectedTotal}, got {page.GetRawText()}");
            return [.. page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt32())];
        }
    }

    // ---------------------------------------------------------------- helpers

    private static string NewId(string prefix, int length = 30) => $"{prefix}-{Guid.NewGuid():N}"[..length];

    private static async Task<int> StartAsync(OcppTestClient charger, int connectorId, string idTag, int meterStart, string timestamp)
    {
        var start = await charger.CallAsync("StartTransaction", Ocpp16Payloads.Start(connectorId, idTag, meterStart, timestamp));
        Assert.Equal("Accepted", start.GetProperty("idTagInfo").GetProperty("status").GetString());
        return start.GetProperty("transactionId").GetInt32();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        return await _server.Api.SendAsync(request, Ct);
    }

    private Task<HttpResponseMessage> PostOcppAsync(string chargePointId, string action, string body, string query = "") =>
        SendAsync(HttpMethod.Post, $"/api/v1/chargepoints/{chargePointId}/ocpp/{action}{query}", body);

    /// <summary>A connected, booted charger that answers every CSMS call with {"status":"Accepted"}.</summary>
    private async Task<OcppTestClient> ConnectAnsweringAsync(string chargePointId)
    {
        var charger = await OcppTestClient.ConnectAsync(_server.OcppUri(chargePointId));
        charger.OnCall = (_, _) => """{"status":"Accepted"}""";
        await charger.CallAsync("BootNotification", Ocpp16Payloads.Boot);
        return charger;
    }

    /// <summary>
    /// Sends one valid call and checks it is the only call the charger ever received: frames on one socket arrive in
    /// order, so anything sent by an earlier (refused) request would have arrived before it.
    /// </summary>
    private async Task AssertOnlyThisCallReachesChargerAsync(string chargePointId, OcppTestClient charger)
    {
        using (var response = await PostOcppAsync(chargePointId, "ChangeAvailability", """{"connectorId":0,"type":"Operative"}"""))
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected HTTP 200 but got {(int)response.StatusCode}: {body}");
            Assert.Equal("Accepted", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
        }

        var received = charger.ReceivedCalls.ToArray();
        Assert.True(
            received is [("ChangeAvailability", _)],
            $"The charger received more than the one valid call: {string.Join(", ", received.Select(c => $"{c.Action} {c.Payload.GetRawText()}"))}");
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
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

    /// <summary>
    /// A charger on a raw WebSocket where the test decides when and how to answer each CSMS CALL (including with a
    /// CALLERROR, late, or not at all) and sees every frame as it arrives.
    /// </summary>
    private sealed class RawCharger : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket;
        private readonly Channel<JsonElement> _frames = Channel.CreateUnbounded<JsonElement>();
        private readonly Task _receiveLoop;
        private int _nextId;

        private RawCharger(ClientWebSocket socket)
        {
            _socket = socket;
            _receiveLoop = Task.Run(ReceiveLoopAsync);
        }

        public static async Task<RawCharger> ConnectAsync(Uri uri, CancellationToken cancellationToken)
        {
            var socket = new ClientWebSocket();
            socket.Options.AddSubProtocol("ocpp1.6");
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(AnswerTimeout);
            await socket.ConnectAsync(uri, cts.Token);
            return new RawCharger(socket);
        }

        public async Task BootAsync()
        {
            var answer = await CallAsync("BootNotification", Ocpp16Payloads.Boot, AnswerTimeout);
            Assert.Equal(3, answer[0].GetInt32());
        }

        /// <summary>Sends a CALL and returns the next frame, which must be its answer (the test sends no CSMS call meanwhile).</summary>
        public async Task<JsonElement> CallAsync(string action, string payload, TimeSpan timeout)
        {
            var id = $"raw{Interlocked.Increment(ref _nextId)}";
            await SendAsync($"[2,\"{id}\",\"{action}\",{payload}]");
            var answer = await NextAsync(timeout);
            Assert.Equal(id, answer[1].GetString());
            return answer;
        }

        public Task SendAsync(string text) =>
            _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

        /// <summary>The next frame from the CSMS.</summary>
        public async Task<JsonElement> NextAsync(TimeSpan timeout) =>
            await TryNextAsync(timeout) ?? throw new TimeoutException($"No frame from the CSMS within {timeout.TotalSeconds} s.");

        /// <summary>The next frame from the CSMS, or null if none arrives within <paramref name="window"/>.</summary>
        public async Task<JsonElement?> TryNextAsync(TimeSpan window)
        {
            using var cts = new CancellationTokenSource(window);
            try
            {
                return await _frames.Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                return null;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", cts.Token);
                }
                catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
                {
                    _socket.Abort();
                }
            }

            await _receiveLoop;
            _socket.Dispose();
        }

        private async Task ReceiveLoopAsync()
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (true)
                {
                    using var message = new MemoryStream();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                        message.Write(buffer, 0, result.Count);
                    }
                    while (!result.EndOfMessage);

                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    await _frames.Writer.WriteAsync(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
                }
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The socket closed; the test sees missing frames as timeouts.
            }
            finally
            {
                _frames.Writer.TryComplete();
            }
        }
    }
}
