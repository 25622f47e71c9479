using System.Buffers;
using System.Text;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Ocpp.Tests.Framing;

public sealed class OcppFrameWriterTests
{
    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    [Fact]
    public void WriteCall_WritesCompactFrameWithPayloadVerbatim()
    {
        var bytes = OcppFrameWriter.WriteCall("19223201", "BootNotification", """{"chargePointVendor":"V", "chargePointModel":"M"}"""u8);

        Assert.Equal("""[2,"19223201","BootNotification",{"chargePointVendor":"V", "chargePointModel":"M"}]""", Text(bytes));
    }

    [Fact]
    public void WriteCallResult_WritesCompactFrame()
    {
        var bytes = OcppFrameWriter.WriteCallResult("19223201", """{"currentTime":"2013-02-01T20:53:32.486Z"}"""u8);

        Assert.Equal("""[3,"19223201",{"currentTime":"2013-02-01T20:53:32.486Z"}]""", Text(bytes));
    }

    [Fact]
    public void WriteCallError_WithoutDetails_WritesEmptyObject()
    {
        var bytes = OcppFrameWriter.WriteCallError("162376037", "NotSupported", "Action not supported");

        Assert.Equal("""[4,"162376037","NotSupported","Action not supported",{}]""", Text(bytes));
    }

    [Fact]
    public void WriteCallError_WithDetails_WritesDetailsVerbatim()
    {
        var bytes = OcppFrameWriter.WriteCallError("-1", "FormationViolation", "", """{"path":"/idTag"}"""u8);

        Assert.Equal("""[4,"-1","FormationViolation","",{"path":"/idTag"}]""", Text(bytes));
    }

    [Fact]
    public void WriteCallError_WithVersionNeutralCode_SpellsItForTheVersion()
    {
        var output = new ArrayBufferWriter<byte>();

        OcppFrameWriter.WriteCallError(output, "7", OcppErrorCode.FormationViolation, OcppVersion.V201, "bad");

        Assert.Equal("""[4,"7","FormatViolation","bad",{}]""", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void WriteCallError_DescriptionWithQuotesAndNonAscii_IsEscapedMinimally()
    {
        var bytes = OcppFrameWriter.WriteCallError("1", "GenericError", "Ladesäule \"A\" <b>");

        Assert.Equal("[4,\"1\",\"GenericError\",\"Ladesäule \\\"A\\\" <b>\",{}]", Text(bytes));
    }

    [Fact]
    public void WriteCall_ToBufferWriter_AppendsToExistingContent()
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write("x"u8);

        OcppFrameWriter.WriteCall(output, "1", "Heartbeat", "{}"u8);

        Assert.Equal("""x[2,"1","Heartbeat",{}]""", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void WriteCallResult_Typed_SerializesIntoTheFrame()
    {
        var output = new ArrayBufferWriter<byte>();
        var response = new BootNotificationResponse
        {
            Status = RegistrationStatus.Accepted,
            CurrentTime = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 123, TimeSpan.Zero),
            Interval = 300,
        };

        OcppFrameWriter.WriteCallResult(output, "42", response, V16JsonContext.Default.BootNotificationResponse);

        Assert.Equal(
            """[3,"42",{"status":"Accepted","currentTime":"2026-01-02T03:04:05.123Z","interval":300}]""",
            Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void WriteCall_Typed_SerializesIntoTheFrame()
    {
        var output = new ArrayBufferWriter<byte>();

        OcppFrameWriter.WriteCall(output, "9", "Reset", new ResetRequest { Type = ResetType.Soft }, V16JsonContext.Default.ResetRequest);

        Assert.Equal("""[2,"9","Reset",{"type":"Soft"}]""", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void WriteCall_EmptyPayload_Throws()
    {
        Assert.Throws<ArgumentException>(() => OcppFrameWriter.WriteCall("1", "Heartbeat", ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void ParseOfWrite_Call_RoundTrips()
    {
        var bytes = OcppFrameWriter.WriteCall("abc-123", "StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available"}"""u8);

        var result = OcppFrameParser.Parse(bytes);

        Assert.True(result.IsSuccess);
        Assert.Equal(OcppMessageType.Call, result.Frame.MessageType);
        Assert.Equal("abc-123", result.Frame.UniqueId);
        Assert.Equal("StatusNotification", result.Frame.Action);
        Assert.Equal("""{"connectorId":1,"errorCode":"NoError","status":"Available"}""", Encoding.UTF8.GetString(result.Frame.Payload.Span));
    }

    [Fact]
    public void ParseOfWrite_CallResult_RoundTrips()
    {
        var result = OcppFrameParser.Parse(OcppFrameWriter.WriteCallResult("r1", """{"idTagInfo":{"status":"Accepted"}}"""u8));

        Assert.True(result.IsSuccess);
        Assert.Equal(OcppMessageType.CallResult, result.Frame.MessageType);
        Assert.Equal("r1", result.Frame.UniqueId);
        Assert.Equal("""{"idTagInfo":{"status":"Accepted"}}""", Encoding.UTF8.GetString(result.Frame.Payload.Span));
    }

    [Fact]
    public void ParseOfWrite_CallError_RoundTrips()
    {
        var result = OcppFrameParser.Parse(OcppFrameWriter.WriteCallError("e1", "InternalError", "line1\nline2", """{"a":1}"""u8));

        Assert.True(result.IsSuccess);
        Assert.Equal(OcppMessageType.CallError, result.Frame.MessageType);
        Assert.Equal("e1", result.Frame.UniqueId);
        Assert.Equal("InternalError", result.Frame.ErrorCode);
        Assert.Equal("line1\nline2", result.Frame.ErrorDescription);
        Assert.Equal("""{"a":1}""", Encoding.UTF8.GetString(result.Frame.ErrorDetails.Span));
    }
}
