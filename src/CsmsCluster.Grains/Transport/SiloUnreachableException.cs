namespace CsmsCluster.Grains.Transport;

/// <summary>
/// The silo a call was placed on could not be reached (no connection was made, so the call was never sent). Safe to
/// place again; the router does so until the call's deadline and then reports <see cref="GrainUnavailableException"/>.
/// </summary>
/// <param name="message">What happened.</param>
/// <param name="innerException">The connection failure, or why the call was held back.</param>
/// <param name="waited">
/// True when the transport held the call back while the silo was known to be down and let it go only once the
/// membership view changed or the silo answered again: the router places it again at once, without a back-off.
/// </param>
internal sealed class SiloUnreachableException(string message, Exception innerException, bool waited = false) : Exception(message, innerException)
{
    /// <summary>Whether the transport already waited for a reason to place the call again.</summary>
    public bool Waited { get; } = waited;
}
