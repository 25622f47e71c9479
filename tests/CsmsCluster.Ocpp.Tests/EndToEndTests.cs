using System.Buffers;
using System.Text;
using System.Text.Json;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Ocpp.Tests;

/// <summary>The gateway's path for one CALL, as documented for the gateway and grain authors.</summary>
public sealed class EndToEndTests
{
    [Fact]
    public void StartTransaction_ParseValidateDeserializeAndAnswer_WritesTheCallResult()
    {
        var received = Encoding.UTF8.GetBytes(
            """[2,"m-17","StartTransaction",{"connectorId":1,"idTag":"04A2B3C4","meterStart":1250,"timestamp":"2026-01-02T04:04:05+01:00"}]""");
        var output = new ArrayBufferWriter<byte>();

        var parsed = OcppFrameParser.Parse(received);
        Assert.True(parsed.IsSuccess);
        var frame = parsed.Frame;
        Assert.True(OcppSchemas.TryGetValidator(OcppVersion.V16, frame.Action!, OcppPayloadKind.Request, out var validator));
        var validation = validator.Validate(frame.Payload.Span);
        Assert.True(validation.IsValid);
        var request = JsonSerializer.Deserialize(frame.Payload.Span, V16JsonContext.Default.StartTransactionRequest)!;
        var response = new StartTransactionResponse
        {
            IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted },
            TransactionId = request.MeterStart + 1,
        };
        OcppFrameWriter.WriteCallResult(output, frame.UniqueId, response, V16JsonContext.Default.StartTransactionResponse);

        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), request.Timestamp);
        Assert.Equal("""[3,"m-17",{"idTagInfo":{"status":"Accepted"},"transactionId":1251}]""", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void InvalidCall_IsAnsweredWithTheVersionsErrorCode()
    {
        var received = Encoding.UTF8.GetBytes("""[2,"m-18","StartTransaction",{"connectorId":"1","idTag":"A","meterStart":0,"timestamp":"2026-01-02T03:04:05Z"}]""");
        var frame = OcppFrameParser.Parse(received).Frame;
        Assert.True(OcppSchemas.TryGetValidator(OcppVersion.V16, frame.Action!, OcppPayloadKind.Request, out var validator));

        var validation = validator.Validate(frame.Payload.Span);
        var error = OcppFrameWriter.WriteCallError(
            frame.UniqueId, OcppErrorCodes.ToWire(validation.ErrorCode, OcppVersion.V16), validation.Description);

        Assert.Equal("""[4,"m-18","TypeConstraintViolation","/connectorId: expected integer, found string",{}]""", Encoding.UTF8.GetString(error));
    }
}
