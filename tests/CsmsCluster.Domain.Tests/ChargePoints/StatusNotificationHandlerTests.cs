using System.Text;
using System.Text.Json;
using CsmsCluster.Domain.ChargePoints;
using CsmsCluster.Domain.ChargePoints.Core;
using CsmsCluster.Ocpp;

namespace CsmsCluster.Domain.Tests.ChargePoints;

public sealed class StatusNotificationHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Handle_NewStatus_IsRecordedAndMarksStateChanged()
    {
        var state = new ChargePointState();
        var context = Context(state);
        var reply = await new StatusNotificationHandler().HandleAsync(context, Status(1, "Charging", "2026-06-01T11:00:00Z"), TestContext.Current.CancellationToken);

        Assert.Equal("{}", Encoding.UTF8.GetString(reply.Payload!));
        Assert.True(context.StateChanged);
        Assert.Equal("Charging", state.Connectors[1].Status);
        Assert.Equal("NoError", state.Connectors[1].ErrorCode);
    }

    [Fact]
    public async Task Handle_OlderStatusDeliveredLate_DoesNotOverwriteNewer()
    {
        var state = new ChargePointState();
        var handler = new StatusNotificationHandler();
        await handler.HandleAsync(Context(state), Status(2, "Finishing", "2026-06-01T11:30:00Z"), TestContext.Current.CancellationToken);
        var late = Context(state);
        await handler.HandleAsync(late, Status(2, "Charging", "2026-06-01T11:00:00Z"), TestContext.Current.CancellationToken);

        Assert.Equal("Finishing", state.Connectors[2].Status);
        Assert.False(late.StateChanged);
    }

    [Fact]
    public async Task Handle_SameStatusAgain_DoesNotMarkStateChanged()
    {
        var state = new ChargePointState();
        var handler = new StatusNotificationHandler();
        await handler.HandleAsync(Context(state), Status(1, "Available", "2026-06-01T11:00:00Z"), TestContext.Current.CancellationToken);
        var again = Context(state);
        await handler.HandleAsync(again, Status(1, "Available", "2026-06-01T11:00:00Z"), TestContext.Current.CancellationToken);
        Assert.False(again.StateChanged);
    }

    private static ChargerCallContext Context(ChargePointState state) =>
        new("CP-UNIT", state, OcppVersion.V16, Now, new ChargePointOptions(), _ => Task.CompletedTask);

    private static byte[] Status(int connectorId, string status, string timestamp) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["connectorId"] = connectorId,
            ["errorCode"] = "NoError",
            ["status"] = status,
            ["timestamp"] = timestamp,
        });
}
