namespace CsmsCluster.Grains;

/// <summary>
/// The silo that received the call does not own the grain in its membership view (or may not activate it yet). The
/// call did not run, so the caller may route it again once its own view has caught up.
/// </summary>
public sealed class GrainNotOwnerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GrainNotOwnerException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GrainNotOwnerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public GrainNotOwnerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the receiver's membership view version.</summary>
    public GrainNotOwnerException(string message, long viewVersion)
        : base(message)
    {
        ViewVersion = viewVersion;
    }

    /// <summary>The cluster version of the receiver's view (0 when it has none).</summary>
    public long ViewVersion { get; }
}
