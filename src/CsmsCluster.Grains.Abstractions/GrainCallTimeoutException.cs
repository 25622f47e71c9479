namespace CsmsCluster.Grains;

/// <summary>A grain call did not complete before its deadline. Its outcome is unknown: it may have run; it is never retried silently (G4).</summary>
public sealed class GrainCallTimeoutException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GrainCallTimeoutException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GrainCallTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public GrainCallTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
