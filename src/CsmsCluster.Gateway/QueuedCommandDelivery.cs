using CsmsCluster.Contracts;
using Microsoft.Extensions.Logging;

namespace CsmsCluster.Gateway;

/// <summary>
/// Runs a charge point's queued-command delivery beside the session's receive loop: the charger's answers to those
/// commands arrive through that loop, so delivery must never run inside it. At most one delivery runs per session;
/// a request while one runs makes it go round once more. The session awaits the last one before it ends.
/// </summary>
internal sealed class QueuedCommandDelivery(IChargePointGrain grain, string chargePointId, ILogger logger)
{
    private readonly Lock _lock = new();
    private Task _running = Task.CompletedTask;
    private bool _again;

    /// <summary>Starts delivery, or asks the running one to look again when it is done.</summary>
    public void Request(CancellationToken sessionClosed)
    {
        lock (_lock)
        {
            if (!_running.IsCompleted)
            {
                _again = true;
                return;
            }

            _running = RunAsync(sessionClosed);
        }
    }

    /// <summary>Completes when no delivery is running.</summary>
    public Task Completion
    {
        get
        {
            lock (_lock)
            {
                return _running;
            }
        }
    }

    private async Task RunAsync(CancellationToken sessionClosed)
    {
        await Task.Yield();
        bool again;
        do
        {
            try
            {
                await grain.DeliverQueuedAsync();
            }
            catch (Exception ex)
            {
                // The commands stay queued; the next connection or reply asks again.
                GatewayLog.DeliveryFailed(logger, ex, chargePointId);
            }

            lock (_lock)
            {
                again = _again && !sessionClosed.IsCancellationRequested;
                _again = false;
            }
        }
        while (again);
    }
}
