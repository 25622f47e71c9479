using CsmsCluster.Domain.ChargePoints;
using CsmsCluster.Domain.ChargePoints.Core;
using CsmsCluster.Ocpp;

namespace CsmsCluster.Domain.Tests.ChargePoints;

public sealed class ChargerCallHandlersTests
{
    [Fact]
    public void TryGet_FindsHandlerByVersionAndAction_Only()
    {
        var handlers = new ChargerCallHandlers([new HeartbeatHandler(), new DataTransferHandler()]);
        Assert.True(handlers.TryGet(OcppVersion.V16, "Heartbeat", out var heartbeat));
        Assert.IsType<HeartbeatHandler>(heartbeat);
        Assert.False(handlers.TryGet(OcppVersion.V201, "Heartbeat", out _));
        Assert.False(handlers.TryGet(OcppVersion.V16, "heartbeat", out _));
    }

    [Fact]
    public void Constructor_TwoHandlersForOneAction_FailsWithClearMessage()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ChargerCallHandlers([new HeartbeatHandler(), new HeartbeatHandler()]));
        Assert.Equal("Two handlers for V16 Heartbeat.", ex.Message);
    }
}
