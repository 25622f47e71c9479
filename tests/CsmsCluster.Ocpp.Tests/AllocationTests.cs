using System.Text;

namespace CsmsCluster.Ocpp.Tests;

/// <summary>The gateway parses and validates every message; these pin down what that costs on the heap.</summary>
public sealed class AllocationTests
{
    private static readonly byte[] Call = Encoding.UTF8.GetBytes(
        """[2,"12345678","MeterValues",{"connectorId":1,"transactionId":5,"meterValue":[{"timestamp":"2026-01-02T03:04:05Z","sampledValue":[{"value":"1.5","measurand":"Energy.Active.Import.Register","unit":"kWh"}]}]}]""");

    private static long AllocatedBy(Action action)
    {
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Parse_CallWithKnownAction_AllocatesOnlyTheUniqueId()
    {
        var idOnly = AllocatedBy(() => _ = Encoding.UTF8.GetString("12345678"u8));

        var parse = AllocatedBy(() => _ = OcppFrameParser.Parse(Call));

        Assert.Equal(idOnly, parse);
    }

    [Fact]
    public void Parse_KnownAction_ReturnsTheSharedString()
    {
        var action = OcppFrameParser.Parse(Call).Frame.Action;

        Assert.Same(string.IsInterned("MeterValues"), action);
    }

    [Fact]
    public void Validate_ValidPayload_DoesNotAllocate()
    {
        var payload = OcppFrameParser.Parse(Call).Frame.Payload;
        Assert.True(OcppSchemas.TryGetValidator(OcppVersion.V16, "MeterValues", OcppPayloadKind.Request, out var validator));

        var allocated = AllocatedBy(() => Assert.True(validator.Validate(payload.Span).IsValid));

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void WriteCallResult_ToReusedBuffer_DoesNotAllocate()
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>(256);

        var allocated = AllocatedBy(() =>
        {
            output.ResetWrittenCount();
            OcppFrameWriter.WriteCallResult(output, "12345678", """{"currentTime":"2026-01-02T03:04:05.000Z"}"""u8);
        });

        Assert.Equal(0, allocated);
    }
}
