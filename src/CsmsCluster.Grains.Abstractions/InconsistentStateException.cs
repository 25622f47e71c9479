namespace CsmsCluster.Grains;

/// <summary>A state write named a version that is no longer current: this activation is stale and is deactivated.</summary>
public sealed class InconsistentStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InconsistentStateException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InconsistentStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
