namespace CsmsCluster.Grains.Transport;

/// <summary>
/// The silo a call was placed on could not be reached (no connection was made, so the call was never sent). Safe to
/// place again; the router does so until the call's deadline and then reports <see cref="GrainUnavailableException"/>.
/// </summary>
internal sealed class SiloUnreachableException(string message, Exception innerException) : Exception(message, innerException);
