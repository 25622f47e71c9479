using System.Text;

namespace CsmsCluster.Ocpp.Tests.Framing;

public sealed class OcppFrameParserTests
{
    private static OcppParseResult Parse(string message) => OcppFrameParser.Parse(Encoding.UTF8.GetBytes(message));

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    [Fact]
    public void Parse_Call_ReturnsFrameWithExactPayloadSlice()
    {
        var result = Parse("""[2, "19223201", "BootNotification", {"chargePointVendor": "VendorX",  "chargePointModel":"M"} ]""");

        Assert.True(result.IsSuccess);
        Assert.Equal(OcppMessageType.Call, result.Frame.MessageType);
        Assert.Equal("19223201", result.Frame.UniqueId);
        Assert.Equal("BootNotification", result.Frame.Action);
        Assert.Equal("""{"chargePointVendor": "VendorX",  "chargePointModel":"M"}""", Text(result.Frame.Payload));
        Assert.Null(result.Frame.ErrorCode);
        Assert.True(result.Frame.ErrorDetails.IsEmpty);
    }

    [Fact]
    public void Parse_Call_PayloadIsASliceOfTheInputNotACopy()
    {
        var message = Encoding.UTF8.GetBytes("""[2,"a","Heartbeat",{}]""");

        var result = OcppFrameParser.Parse(message);

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(result.Frame.Payload, out var segment));
        Assert.Same(message, segment.Array);
        Assert.Equal(19, segment.Offset);
        Assert.Equal(2, segment.Count);
    }

    [Fact]
    public void Parse_CallResult_ReturnsFrameWithExactPayloadSlice()
    {
        var result = Parse("""[3,"19223201",{"status":"Accepted","currentTime":"2013-02-01T20:53:32.486Z","interval":300}]""");

        Assert.True(result.IsSuccess);
        Assert.Equal(OcppMessageType.CallResult, result.Frame.MessageType);
        Assert.Equal("19223201", result.Frame.UniqueId);
        Assert.Null(result.Frame.Action);
        Assert.Equal("""{"status":"Accepted","currentTime":"2013-02-01T20:53:32.486Z","interval":300}""", Text(result.Frame.Payload));
    }

    [Fact]
    public void Parse_CallError_ReturnsCodeDescriptionAndDetails()
    {
        var result = Parse("""[4,"162376037","NotSupported","SetDisplayMessageRequest not implemented",{"hint":[1,2]}]""");

        Assert.True(result.IsSuccess);
        Assert.Equal(OcppMessageType.CallError, result.Frame.MessageType);
        Assert.Equal("162376037", result.Frame.UniqueId);
        Assert.Equal("NotSupported", result.Frame.ErrorCode);
        Assert.Equal("SetDisplayMessageRequest not implemented", result.Frame.ErrorDescription);
        Assert.Equal("""{"hint":[1,2]}""", Text(result.Frame.ErrorDetails));
        Assert.True(result.Frame.Payload.IsEmpty);
    }

    [Fact]
    public void Parse_EscapedStrings_AreUnescaped()
    {
        var result = Parse("""[2,"id\u002F1","Heart\u0062eat",{}]""");

        Assert.True(result.IsSuccess);
        Assert.Equal("id/1", result.Frame.UniqueId);
        Assert.Equal("Heartbeat", result.Frame.Action);
    }

    [Fact]
    public void Parse_TrailingWhitespace_IsAccepted()
    {
        Assert.True(Parse("[3,\"x\",{}]\r\n  ").IsSuccess);
    }

    [Theory]
    [InlineData("""[2,"abc""")]
    [InlineData("not json")]
    [InlineData("[2,,\"x\",\"Heartbeat\",{}]")]
    [InlineData("""[2, /* comment */ "x","Heartbeat",{}]""")]
    public void Parse_MalformedJson_IsFormationViolationWithUnknownId(string message)
    {
        var result = Parse(message);

        Assert.False(result.IsSuccess);
        Assert.Equal(OcppErrorCode.FormationViolation, result.ErrorCode);
        Assert.Equal("-1", result.UniqueId);
        Assert.StartsWith("Message is not valid JSON", result.ErrorDescription, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[2,"abc","Heartbeat",{""")]
    [InlineData("""[2,"abc","Heartbeat",{},]""")]
    public void Parse_MalformedJsonAfterReadableId_KeepsTheId(string message)
    {
        var result = Parse(message);

        Assert.Equal(OcppErrorCode.FormationViolation, result.ErrorCode);
        Assert.Equal("abc", result.UniqueId);
        Assert.Equal(OcppMessageType.Call, result.MessageType);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void Parse_NotAnArray_IsFormationViolation(string message)
    {
        var result = Parse(message);

        Assert.False(result.IsSuccess);
        Assert.Equal(OcppErrorCode.FormationViolation, result.ErrorCode);
        Assert.Equal("-1", result.UniqueId);
        Assert.Equal("Message is not a JSON array.", result.ErrorDescription);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_EmptyMessage_IsFormationViolation(string message)
    {
        var result = Parse(message);

        Assert.False(result.IsSuccess);
        Assert.Equal(OcppErrorCode.FormationViolation, result.ErrorCode);
        Assert.Equal("-1", result.UniqueId);
    }

    [Fact]
    public void Parse_CallWithoutPayload_IsProtocolErrorWithId()
    {
        var result = Parse("""[2,"id","Action"]""");

        Assert.False(result.IsSuccess);
        Assert.Equal(OcppErrorCode.ProtocolError, result.ErrorCode);
        Assert.Equal("id", result.UniqueId);
        Assert.Equal(OcppMessageType.Call, result.MessageType);
        Assert.False(result.IsUnknownMessageType);
        Assert.Equal("CALL payload must be a JSON object.", result.ErrorDescription);
    }

    [Fact]
    public void Parse_UnknownMessageType_IsDistinguished()
    {
        var result = Parse("""[7,"id",{}]""");

        Assert.False(result.IsSuccess);
        Assert.True(result.IsUnknownMessageType);
        Assert.Equal(OcppErrorCode.ProtocolError, result.ErrorCode);
        Assert.Equal("id", result.UniqueId);
        Assert.Null(result.MessageType);
        Assert.Equal("Message type 7 is not supported.", result.ErrorDescription);
        Assert.Equal(OcppErrorCode.MessageTypeNotSupported, result.ErrorCodeFor(OcppVersion.V201));
        Assert.Equal(OcppErrorCode.ProtocolError, result.ErrorCodeFor(OcppVersion.V16));
    }

    [Theory]
    [InlineData("""[2,42,"Heartbeat",{}]""")]
    [InlineData("""[2,null,"Heartbeat",{}]""")]
    [InlineData("""[2,{"id":"x"},"Heartbeat",{}]""")]
    public void Parse_UniqueIdNotAString_IsProtocolErrorWithUnknownId(string message)
    {
        var result = Parse(message);

        Assert.False(result.IsSuccess);
        Assert.Equal(OcppErrorCode.ProtocolError, result.ErrorCode);
        Assert.Equal("-1", result.UniqueId);
        Assert.Equal("Message id must be a string.", result.ErrorDescription);
    }

    [Theory]
    [InlineData("""[2,"id",5,{}]""", "CALL action must be a string.")]
    [InlineData("""[2,"id","Heartbeat",null]""", "CALL payload must be a JSON object.")]
    [InlineData("""[2,"id","Heartbeat",[]]""", "CALL payload must be a JSON object.")]
    [InlineData("""[2,"id","Heartbeat",{},{}]""", "CALL must have exactly 4 elements.")]
    [InlineData("""[3,"id"]""", "CALLRESULT payload must be a JSON object.")]
    [InlineData("""[3,"id",{},1]""", "CALLRESULT must have exactly 3 elements.")]
    [InlineData("""[4,"id","GenericError",{}]""", "CALLERROR errorDescription must be a string.")]
    [InlineData("""[4,"id","GenericError",""]""", "CALLERROR errorDetails must be a JSON object.")]
    [InlineData("""[4,"id",1,"",{}]""", "CALLERROR errorCode must be a string.")]
    [InlineData("""[4,"id","GenericError","",{},"x"]""", "CALLERROR must have exactly 5 elements.")]
    public void Parse_WrongShape_IsProtocolErrorWithId(string message, string description)
    {
        var result = Parse(message);

        Assert.False(result.IsSuccess);
        Assert.Equal(OcppErrorCode.ProtocolError, result.ErrorCode);
        Assert.Equal("id", result.UniqueId);
        Assert.Equal(description, result.ErrorDescription);
        Assert.Equal(OcppErrorCode.RpcFrameworkError, result.ErrorCodeFor(OcppVersion.V201));
    }

    [Theory]
    [InlineData("[]", "Message is an empty array.")]
    [InlineData("""["2","id","Heartbeat",{}]""", "Message type must be an integer.")]
    [InlineData("[2.5,\"id\",{}]", "Message type must be an integer.")]
    [InlineData("[2]", "Message id is missing.")]
    public void Parse_UnreadableHeader_IsProtocolErrorWithUnknownId(string message, string description)
    {
        var result = Parse(message);

        Assert.Equal(OcppErrorCode.ProtocolError, result.ErrorCode);
        Assert.Equal("-1", result.UniqueId);
        Assert.Equal(description, result.ErrorDescription);
    }

    [Theory]
    [InlineData("""[2,"x","Heartbeat",{}]garbage""")]
    [InlineData("""[2,"x","Heartbeat",{}] [3,"y",{}]""")]
    [InlineData("""[2,"x","Heartbeat",{}]]""")]
    public void Parse_TrailingData_IsFormationViolation(string message)
    {
        var result = Parse(message);

        Assert.False(result.IsSuccess);
        Assert.Equal(OcppErrorCode.FormationViolation, result.ErrorCode);
        Assert.Equal("x", result.UniqueId);
    }

    [Fact]
    public void Parse_ShapeErrorFollowedByInvalidJson_IsFormationViolation()
    {
        var result = Parse("""[2,"x",5,{"a":}]""");

        Assert.Equal(OcppErrorCode.FormationViolation, result.ErrorCode);
        Assert.Equal("x", result.UniqueId);
    }

    [Fact]
    public void Parse_DeeplyNestedPayload_IsSlicedWhole()
    {
        var payload = "{\"data\":" + new string('[', 50) + "{\"k\":1}" + new string(']', 50) + "}";

        var result = Parse($"[2,\"n\",\"DataTransfer\",{payload}]");

        Assert.True(result.IsSuccess);
        Assert.Equal(payload, Text(result.Frame.Payload));
    }

    [Fact]
    public void Parse_UniqueIdOf36Characters_IsAccepted()
    {
        var id = new string('a', 36);

        var result = Parse($"[3,\"{id}\",{{}}]");

        Assert.True(result.IsSuccess);
        Assert.Equal(id, result.Frame.UniqueId);
    }

    [Fact]
    public void Parse_UniqueIdLongerThan36Characters_IsProtocolErrorKeepingTheId()
    {
        var id = new string('a', 37);

        var result = Parse($"[2,\"{id}\",\"Heartbeat\",{{}}]");

        Assert.False(result.IsSuccess);
        Assert.Equal(OcppErrorCode.ProtocolError, result.ErrorCode);
        Assert.Equal(id, result.UniqueId);
        Assert.Equal("Message id is longer than 36 characters.", result.ErrorDescription);
    }
}
