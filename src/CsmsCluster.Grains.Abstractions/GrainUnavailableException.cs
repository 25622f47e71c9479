namespace CsmsCluster.Grains;

/// <summary>The runtime cannot host or reach the grain now (shutting down, fenced, activation failed); the call did not run.</summary>
public sealed class GrainUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GrainUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GrainUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public GrainUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
