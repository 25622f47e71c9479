namespace CsmsCluster.Grains;

/// <summary>
/// Marks a grain interface method whose calls may start while another call of the same activation is awaiting.
/// Its code still never runs in parallel with other turns of the activation (continuations are serialised), but it
/// does not block the mailbox while it awaits, e.g. a call that waits for a charger's answer.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AlwaysInterleaveAttribute : Attribute;
