using System.Buffers;
using System.Text;
using CsmsCluster.Ocpp;

namespace CsmsCluster.Gateway.Tests;

public sealed class PendingBootReplyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public void PendingBoot_IsExactFrame_AndSchemaValid(OcppVersion version)
    {
        var buffer = new ArrayBufferWriter<byte>();
        PendingBootReply.Write(buffer, "boot-1", version, Now, 17);

        var expected = version == OcppVersion.V16
            ? """[3,"boot-1",{"status":"Pending","currentTime":"2026-03-04T05:06:07.890Z","interval":17}]"""
            : """[3,"boot-1",{"currentTime":"2026-03-04T05:06:07.890Z","interval":17,"status":"Pending"}]""";
        Assert.Equal(expected, Encoding.UTF8.GetString(buffer.WrittenSpan));

        var parsed = OcppFrameParser.Parse(buffer.WrittenMemory);
        Assert.True(parsed.IsSuccess);
        Assert.True(OcppSchemas.TryGetValidator(version, "BootNotification", OcppPayloadKind.Response, out var validator));
        var result = validator.Validate(parsed.Frame.Payload.Span);
        Assert.True(result.IsValid, result.Message);
    }
}
