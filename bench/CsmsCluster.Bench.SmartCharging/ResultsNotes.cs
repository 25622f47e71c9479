namespace CsmsCluster.Bench.SmartCharging;

/// <summary>The definitions behind the figures and the reading of the misses, appended to the results file.</summary>
public static class ResultsNotes
{
    public const string Text = """
        ## Definitions

        - Time: 1 s ticks on an injected clock. Each tick: grid schedule, departures, arrivals, charger answers and
          timeouts (30 s), meter values (per-phase Current.Import every 15 s, offsets per connector), the loop run if
          due (every 10 s, and on events debounced 1 s with a leading edge), then one second of physics.
        - Chargers: compliant ones answer after 1-2 s, apply a TxProfile on acceptance, run 0 A before their
          transaction's first TxProfile (a commissioning TxDefault of 0 A), delete it when the transaction ends and
          reject a TxProfile for another transaction. Connectors of a charger share its 32 A cap. Faulty ones reject
          every TxProfile, or never answer, and run at their hardware maximum.
        - EVs: 1- or 3-phase, with their own maximum (unknown to the CSMS), an energy need, a latest departure; they
          draw min(the limit their connector runs, what they can take); above 85 % of their need they taper to 30 %.
          A session ends when the EV is full or its driver leaves.
        - Command violations: seconds in which, for some constraint, the sum over connectors of max(installed,
          pending) - every profile a charger may be running, evaluated at that instant so future periods count when
          they start - plus fixed load exceeds the effective limit (`LimitCheck` on the loop's own inputs).
        - Measured violation seconds: seconds in which the measured draw (per phase on an A-site, total on a W-site)
          exceeds the raw limit min(L_static, L_grid).
        - Demand: sum over EVs in a session of what each could draw at its own maximum now (taper included), per
          site phase on an A-site (a 1-phase EV on the phase its connector is wired to) or in W on a W-site.
          Utilisation = integral of the delivered draw / integral of min(L_eff, demand), summed over phases on an
          A-site; L_eff = (1 - margin) * min(L_static, L_grid) (no base load in these sites). The same ratio with the
          raw limit is also reported (then the 2 % margin counts as loss).
        - Reference allocation: every second, `SiteAllocator.Allocate` on the loop's own inputs (same sessions, same
          rotation state, same fixed load) with no launch cap and each EV's real demand and phases. A session's
          reference energy is the integral of min(its reference current, what its EV can take) over its own time.
          Fairness = Jain's index (sum x)^2 / (n * sum x^2) of x_i = delivered_i / reference_i over the sessions on
          compliant chargers with a reference energy of at least 0.1 kWh (all sessions have priority 0). The
          reference's own utilisation is reported as the ceiling the allocator itself sets.
        - Profile messages per session-hour: TxProfiles sent / session-hours; steady state leaves out each session's
          first send (its launch). ChargePointMaxProfile backstops are counted apart.
        - Latencies: from the first event that triggered a run (or the tick, for a periodic run) to the acceptance of
          the last decrease that run sent; from a transaction's start to its first non-zero limit Accepted (queued
          sessions wait for their rotation turn, which sets the tail).

        ## Reading the misses

        - Utilisation: on the A-site the reference allocation itself reaches about 0.955 (3-phase EVs freeze when the
          most loaded phase saturates, queued sessions wait for rotation), so the A-site target leaves the loop almost
          no room; the loop reaches about 98 % of the reference on both sites. The sensitivity table shows where the
          rest goes: the dead band (1 A) leaves freed capacity unsent when a share grows by less than 1 A per
          connector; T_hold (60 s, after donations) and the 30 s minimum interval delay increases; donations are
          detected only after two 15 s samples and keep a 20 % buffer above the measured draw.
        - Messages per session-hour: on a saturated site every arrival (launch cap) and every departure changes every
          admitted session's share, and the spec sends decreases >= 1 A, and any decrease a limit requires, at once.
          With about 7 arrivals and 7 departures per hour and shares of 5-10 A, most events move most shares by more
          than the dead band, so a session gets about one message per event. Fewer messages need fewer share changes
          (e.g. admitting new sessions only at rotation boundaries), which the spec does not allow.
        - Faulty A-site: a charger that ignores profiles draws its maximum from its first session until its second
          failed send marks the connector uncontrollable (one rejection and the retry, or two 30 s timeouts for the
          silent one); those detection windows are its command-violation seconds. Afterwards it is counted at its
          maximum, at most its charger's cap. No targets apply to that scenario.
        """;
}
