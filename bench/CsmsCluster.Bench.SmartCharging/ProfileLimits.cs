using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.Bench.SmartCharging;

/// <summary>Evaluates a sent profile at an instant, as a charger does: the last period started, in A per phase.</summary>
public static class ProfileLimits
{
    /// <summary>The limit of <paramref name="command"/> at <paramref name="at"/> in A per phase (0 before it starts).</summary>
    public static double CurrentAt(ProfileCommand command, DateTimeOffset at, double voltage)
    {
        ArgumentNullException.ThrowIfNull(command);
        var elapsed = (at - command.StartSchedule).TotalSeconds;
        var limit = 0.0;
        foreach (var period in command.Periods)
        {
            if (period.StartPeriod <= elapsed + 1e-9)
            {
                limit = period.Limit;
            }
        }
        return command.Unit == "W" ? limit / (voltage * command.NumberPhases) : limit;
    }
}
