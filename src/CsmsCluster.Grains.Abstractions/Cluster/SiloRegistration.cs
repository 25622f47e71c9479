namespace CsmsCluster.Grains.Cluster;

/// <summary>What a silo announces when it joins.</summary>
/// <param name="SiloId">Unique per process start (never reused after the silo is Dead).</param>
/// <param name="Address">The host name or IP address peers reach it on.</param>
/// <param name="Port">The internal port peers reach it on.</param>
/// <param name="Role">The node's role (<c>silo</c>, <c>all</c>...), for operators and gateways.</param>
public sealed record SiloRegistration(string SiloId, string Address, int Port, string Role);
