namespace CsmsCluster.Grains;

/// <summary>A call would wait on itself (A calls B calls A on non-interleaving methods); it fails fast instead of hanging.</summary>
public sealed class GrainDeadlockException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GrainDeadlockException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GrainDeadlockException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public GrainDeadlockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
