namespace CsmsCluster.Grains;

/// <summary>The target activation's mailbox is full; the call was not accepted and did not run.</summary>
public sealed class GrainOverloadedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GrainOverloadedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GrainOverloadedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public GrainOverloadedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
