namespace CsmsCluster.Grains;

/// <summary>Marker for every grain interface. Methods return <see cref="Task"/>, <see cref="Task{T}"/>,
/// <see cref="ValueTask"/> or <see cref="ValueTask{T}"/>; arguments and results are treated as immutable.</summary>
public interface IGrain;
