using System.Text;
using System.Text.Json;

namespace CsmsCluster.Ocpp.Tests.Serialization;

public sealed class SerializationTests
{
    [Fact]
    public void V16MeterValues_Serialize_UsesWireEnumNamesAndOmitsNulls()
    {
        var request = new V16.MeterValuesRequest
        {
            ConnectorId = 1,
            MeterValue =
            [
                new V16.MeterValue
                {
                    Timestamp = new DateTimeOffset(2026, 1, 2, 4, 4, 5, 123, TimeSpan.FromHours(1)),
                    SampledValue =
                    [
                        new V16.SampledValue
                        {
                            Value = "12.5",
                            Measurand = V16.Measurand.EnergyActiveImportRegister,
                            Phase = V16.Phase.L1N,
                            Unit = V16.UnitOfMeasure.KWh,
                            Context = V16.ReadingContext.SamplePeriodic,
                        },
                    ],
                },
            ],
        };

        var json = JsonSerializer.Serialize(request, V16.V16JsonContext.Default.MeterValuesRequest);

        Assert.Equal(
            """{"connectorId":1,"meterValue":[{"timestamp":"2026-01-02T03:04:05.123Z","sampledValue":[{"value":"12.5","context":"Sample.Periodic","measurand":"Energy.Active.Import.Register","phase":"L1-N","unit":"kWh"}]}]}""",
            json);
    }

    [Fact]
    public void V16MeterValues_RoundTrip_PreservesEveryValue()
    {
        const string Json = """{"connectorId":2,"transactionId":9,"meterValue":[{"timestamp":"2026-01-02T03:04:05.120Z","sampledValue":[{"value":"1","context":"Transaction.Begin","format":"SignedData","measurand":"Power.Active.Import","phase":"L3-L1","location":"EV","unit":"Celsius"}]}]}""";

        var request = JsonSerializer.Deserialize(Json, V16.V16JsonContext.Default.MeterValuesRequest)!;

        Assert.Equal(V16.Measurand.PowerActiveImport, request.MeterValue[0].SampledValue[0].Measurand);
        Assert.Equal(V16.Phase.L3L1, request.MeterValue[0].SampledValue[0].Phase);
        Assert.Equal(Json, JsonSerializer.Serialize(request, V16.V16JsonContext.Default.MeterValuesRequest));
    }

    [Fact]
    public void V16StartTransaction_Deserialize_ReadsOffsetsAndNormalisesToUtcOnWrite()
    {
        var request = JsonSerializer.Deserialize(
            """{"connectorId":1,"idTag":"TAG","meterStart":10,"timestamp":"2026-01-02T05:04:05.5+02:00"}""",
            V16.V16JsonContext.Default.StartTransactionRequest)!;

        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 500, TimeSpan.Zero), request.Timestamp);
        Assert.Equal(TimeSpan.FromHours(2), request.Timestamp.Offset);
        Assert.Null(request.ReservationId);
        Assert.Equal(
            """{"connectorId":1,"idTag":"TAG","meterStart":10,"timestamp":"2026-01-02T03:04:05.500Z"}""",
            JsonSerializer.Serialize(request, V16.V16JsonContext.Default.StartTransactionRequest));
    }

    [Fact]
    public void V16StartTransactionResponse_Serialize_OmitsNullOptionals()
    {
        var response = new V16.StartTransactionResponse
        {
            IdTagInfo = new V16.IdTagInfo { Status = V16.AuthorizationStatus.ConcurrentTx },
            TransactionId = 42,
        };

        Assert.Equal(
            """{"idTagInfo":{"status":"ConcurrentTx"},"transactionId":42}""",
            JsonSerializer.Serialize(response, V16.V16JsonContext.Default.StartTransactionResponse));
    }

    [Theory]
    [InlineData("""{"status":1,"currentTime":"2026-01-02T03:04:05Z","interval":1}""")]
    [InlineData("""{"status":"Accepted","currentTime":"2026-01-02T03:04:05","interval":1}""")]
    [InlineData("""{"status":"Accepted","interval":1}""")]
    public void V16BootNotificationResponse_Deserialize_RejectsWhatTheSchemaRejects(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, V16.V16JsonContext.Default.BootNotificationResponse));
    }

    [Fact]
    public void V201TransactionEvent_RoundTrip_KeepsCustomDataAndNumbers()
    {
        const string Json = """{"customData":{"vendorId":"com.example","extra":[1,{"a":true}]},"eventType":"Started","meterValue":[{"sampledValue":[{"value":1234.5,"measurand":"Energy.Active.Import.Register"}],"timestamp":"2026-01-02T03:04:05.000Z"}],"timestamp":"2026-01-02T03:04:05.000Z","triggerReason":"CablePluggedIn","seqNo":0,"transactionInfo":{"transactionId":"tx-1","chargingState":"EVConnected"},"evse":{"id":1,"connectorId":2}}""";

        var request = JsonSerializer.Deserialize(Json, V201.V201JsonContext.Default.TransactionEventRequest)!;

        Assert.Equal("com.example", request.CustomData!.VendorId);
        Assert.Equal("""[1,{"a":true}]""", request.CustomData.AdditionalProperties!["extra"].GetRawText());
        Assert.Equal(1234.5m, request.MeterValue![0].SampledValue[0].Value);
        Assert.Equal(V201.MeasurandEnumType.EnergyActiveImportRegister, request.MeterValue[0].SampledValue[0].Measurand);
        Assert.Equal(V201.TransactionEventEnumType.Started, request.EventType);
        Assert.Equal(Json, JsonSerializer.Serialize(request, V201.V201JsonContext.Default.TransactionEventRequest));
    }

    [Fact]
    public void V201DataTransfer_AnyData_RoundTripsAsJsonElement()
    {
        const string Json = """{"data":{"k":[1,"x",null]},"vendorId":"V"}""";

        var request = JsonSerializer.Deserialize(Json, V201.V201JsonContext.Default.DataTransferRequest)!;

        Assert.Equal(JsonValueKind.Object, request.Data!.Value.ValueKind);
        Assert.Equal(Json, JsonSerializer.Serialize(request, V201.V201JsonContext.Default.DataTransferRequest));
    }

    [Fact]
    public void V201ConnectorEnum_ValuesStartingLowercase_KeepTheirWireNames()
    {
        var json = JsonSerializer.Serialize(V201.ConnectorEnumType.SType2, V201.V201JsonContext.Default.ConnectorEnumType);

        Assert.Equal("\"sType2\"", json);
    }

    [Fact]
    public void PayloadType_FromRegistry_DeserializesTheFramePayload()
    {
        var frame = OcppFrameParser.Parse(Encoding.UTF8.GetBytes("""[2,"1","Heartbeat",{}]""")).Frame;
        Assert.True(OcppSchemas.TryGetPayloadType(OcppVersion.V16, frame.Action!, OcppPayloadKind.Request, out var typeInfo));

        var payload = JsonSerializer.Deserialize(frame.Payload.Span, typeInfo);

        Assert.IsType<V16.HeartbeatRequest>(payload);
    }
}
