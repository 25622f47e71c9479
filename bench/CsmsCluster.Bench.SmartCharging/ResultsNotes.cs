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
        - Profile messages per session-hour: TxProfiles (and, with pre-armed connectors, launch TxDefaultProfiles)
          sent / session-hours; steady state leaves out each session's first TxProfile (its launch).
          ChargePointMaxProfile backstops are counted apart.
        - Pre-armed variant (K = 2): chargers keep a connector's TxDefaultProfile across transactions and run it until
          the transaction's TxProfile is Accepted; an EV plugs into a random free connector, so only some sessions
          begin on an armed one, and those count a non-zero limit from their first second. The reserve (2 x 6 A)
          is capacity held back for plug-ins, so utilisation drops by about what it reserves while the site is full.
        - Latencies: from the first event that triggered a run (or the tick, for a periodic run) to the acceptance of
          the last decrease that run sent; from a transaction's start to its first non-zero limit Accepted (queued
          sessions wait for their rotation turn, which sets the tail).

        ## Reading the misses

        - The A- and W-site meet every target. Three loop rules got them there: a session that yielded its place at a
          rotation turn ranks after the served ones until T_rot has passed (before, it displaced the next long-served
          session at the next run, and one turn sent every served session to 0 and back); when keeping limits would
          break a constraint only the fewest decreases that make it hold are mandatory, largest excess first (before,
          every session on the constraint got its sub-dead-band decrease); and where every constraint has room an
          increase held only by the dead band is sent as exactly the dead band, so a departure's share, spread below
          1 A per session on a busy site, is not left unused.
        - Utilisation: the reference allocation is the allocator's own ceiling (A-site below 1 because 3-phase EVs
          freeze when the most loaded phase saturates and queued sessions wait for their turn); the loop reaches about
          99 % of it. The rest: launches at the minimum until the first meter value, donations detected after two 15 s
          samples and kept 20 % above the measured draw, the settle time before increases and T_hold after donations.
          The A-site figure depends on the session mix: other seeds of the same scenario (measured once while making
          these changes, not part of this file) gave 0.93-0.985, with the reference at 0.93-0.99.
        - Messages per session-hour: decreases still go out at once when >= 1 A or required, so a session gets about
          one message per arrival or departure that moves its share by the dead band or more. The dead-band increases
          cost messages (RoundedIncrease in the sends table) and the held small decreases save more than they cost.
          On the A-site this depends on the session mix as well: other seeds gave 3.6-8.0 steady, above the target
          on three of six; a 0.1 A dead band would double the messages (see the sensitivity table).
        - Faulty A-site: a charger that ignores profiles draws its maximum from its first session until its second
          failed send marks the connector uncontrollable (one rejection and the retry, or two 30 s timeouts for the
          silent one); those detection windows are its command-violation seconds. Afterwards it is counted at its
          maximum, at most its charger's cap. No targets apply to that scenario.
        """;
}
