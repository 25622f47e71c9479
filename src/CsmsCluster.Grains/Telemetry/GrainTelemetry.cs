using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CsmsCluster.Grains.Telemetry;

/// <summary>
/// The runtime's ActivitySource and Meter, both named <see cref="Name"/>. Instruments cost a flag check when nobody
/// listens; callers check <see cref="Instrument.Enabled"/> before measuring time.
/// </summary>
internal sealed class GrainTelemetry : IDisposable
{
    public const string Name = "CsmsCluster.Grains";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;

    public GrainTelemetry(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Calls = _meter.CreateCounter<long>("csms.grains.calls", "{call}", "Grain calls completed, by method and outcome.");
        CallDuration = _meter.CreateHistogram<double>("csms.grains.call.duration", "s", "Time from sending a grain call to its completion.");
        MailboxRejections = _meter.CreateCounter<long>("csms.grains.mailbox.rejections", "{call}", "Calls rejected because the mailbox was full.");
        Activations = _meter.CreateCounter<long>("csms.grains.activations", "{activation}", "Activations started.");
        ActivationFailures = _meter.CreateCounter<long>("csms.grains.activation.failures", "{activation}", "Activations discarded because activating threw.");
        Deactivations = _meter.CreateCounter<long>("csms.grains.deactivations", "{activation}", "Activations ended, by reason.");
        StorageConflicts = _meter.CreateCounter<long>("csms.grains.storage.conflicts", "{write}", "State writes rejected as stale (version conflict).");
        Reroutes = _meter.CreateCounter<long>("csms.grains.calls.rerouted", "{call}", "Calls placed again because they provably did not run (not the owner, owner unreachable).");
        StorageDuration = _meter.CreateHistogram<double>("csms.grains.storage.duration", "s", "Grain storage operation latency, by operation.");
    }

    public Counter<long> Calls { get; }

    public Histogram<double> CallDuration { get; }

    public Counter<long> MailboxRejections { get; }

    public Counter<long> Activations { get; }

    public Counter<long> ActivationFailures { get; }

    public Counter<long> Deactivations { get; }

    public Counter<long> StorageConflicts { get; }

    public Histogram<double> StorageDuration { get; }

    public Counter<long> Reroutes { get; }

    public void Dispose() => _meter.Dispose();
}
