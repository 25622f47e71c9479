namespace CsmsCluster.SmartCharging;

/// <summary>
/// Spec "Unused allocation": a session drawing clearly less than its installed limit donates the rest. After
/// <see cref="DonationOptions.SamplesToLower"/> samples with installed - measured > max(1 A, 10 %), demand is lowered
/// to max(min, measured * 1.2); it is reclaimed (demand = max) when measured rises above a * (1 + 0.2²) / (1 + 0.2).
/// </summary>
public static class DonationTracker
{
    /// <summary>Feeds one meter sample (the highest per-phase current over the phases in use).</summary>
    /// <param name="state">The state before the sample.</param>
    /// <param name="installed">The limit installed on the connector, a, A per phase.</param>
    /// <param name="measured">The measured current, A per phase.</param>
    /// <param name="minCurrent">min_k.</param>
    /// <param name="maxCurrent">max_k.</param>
    /// <param name="options">Thresholds; defaults when null.</param>
    /// <returns>The state after the sample.</returns>
    public static DonationState Observe(
        DonationState state, double installed, double measured, double minCurrent, double maxCurrent, DonationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        options ??= new DonationOptions();
        if (state.Demand < maxCurrent && measured > ReclaimThreshold(installed, options))
        {
            return new DonationState(maxCurrent);
        }
        if (installed - measured <= Math.Max(options.MinimumGap, options.RelativeGap * installed))
        {
            return state with { UnusedSamples = 0 };
        }
        var unused = state.UnusedSamples + 1;
        if (unused < options.SamplesToLower)
        {
            return state with { UnusedSamples = unused };
        }
        // Rounded up (TV5: 5.4 A * 1.2 = 6.48 A gives 6.5 A) so the floored allocation still keeps the whole buffer.
        var lowered = Math.Ceiling((measured * (1 + options.Buffer) / options.Quantum) - 1e-9) * options.Quantum;
        var demand = Math.Max(minCurrent, Math.Round(lowered, 9));
        return new DonationState(Math.Min(state.Demand, demand), unused);
    }

    /// <summary>The measured current above which a donating session reclaims its maximum: a * (1 + b²) / (1 + b).</summary>
    /// <param name="installed">The installed limit a, A per phase.</param>
    /// <param name="options">Thresholds; defaults when null.</param>
    /// <returns>The threshold, A per phase.</returns>
    public static double ReclaimThreshold(double installed, DonationOptions? options = null)
    {
        var buffer = (options ?? new DonationOptions()).Buffer;
        return installed * (1 + (buffer * buffer)) / (1 + buffer);
    }
}
