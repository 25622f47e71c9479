using CsmsCluster.Grains.Telemetry;

namespace CsmsCluster.Grains.Activations;

/// <summary>
/// One timer for the whole silo (not one per activation) that deactivates activations which received no call
/// for <see cref="GrainRuntimeOptions.IdleDeactivationAge"/>.
/// </summary>
internal sealed class IdleSweeper(ActivationDirectory directory, ActivationServices services) : IDisposable
{
    private readonly Lock _lock = new();
    private ITimer? _timer;

    public void Start()
    {
        var interval = services.Options.IdleSweepInterval;
        lock (_lock)
        {
            _timer ??= services.TimeProvider.CreateTimer(static s => ((IdleSweeper)s!).Sweep(), this, interval, interval);
        }
    }

    /// <summary>Requests idle deactivations; each one runs later as its activation's last turn.</summary>
    public int Sweep()
    {
        try
        {
            var now = services.TimeProvider.GetTimestamp();
            var age = services.Options.IdleDeactivationAge;
            var count = 0;
            foreach (var activation in directory.Activations)
            {
                if (activation.TryDeactivateIfIdle(now, age))
                {
                    count++;
                }
            }

            return count;
        }
        catch (Exception exception)
        {
            // A timer callback must not throw; the next sweep tries again.
            services.Logger.SweepFailed(exception);
            return 0;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }
}
