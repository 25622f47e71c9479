namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>One measured round.</summary>
/// <param name="Milliseconds">First StartTransaction written to the last expected SetChargingProfile received, over all sites.</param>
/// <param name="SiteMilliseconds">Per site: its StartTransaction written to its last expected CALL received.</param>
/// <param name="FirstCallMilliseconds">Per site: its StartTransaction written to its first expected CALL received.</param>
/// <param name="Calls">Expected CALLs received (one per other connector of every site).</param>
/// <param name="Extra">Further CALLs received by the sessions within the check window after the last expected one.</param>
/// <param name="WrongLimit">Expected CALLs whose limit was not the decreased share the allocation gives.</param>
/// <param name="TimedOut">True when some expected CALL did not arrive before the deadline.</param>
public sealed record RoundResult(
    double Milliseconds, IReadOnlyList<double> SiteMilliseconds, IReadOnlyList<double> FirstCallMilliseconds, int Calls, int Extra, int WrongLimit, bool TimedOut);
