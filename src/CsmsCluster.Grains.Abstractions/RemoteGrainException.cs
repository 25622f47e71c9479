namespace CsmsCluster.Grains;

/// <summary>
/// A grain on another silo threw an exception of a type the transport does not rebuild on the caller's side. The call
/// ran (its outcome is known: it failed); <see cref="RemoteType"/> names the original exception type.
/// </summary>
public sealed class RemoteGrainException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RemoteGrainException()
    {
        RemoteType = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    public RemoteGrainException(string message)
        : base(message)
    {
        RemoteType = string.Empty;
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public RemoteGrainException(string message, Exception innerException)
        : base(message, innerException)
    {
        RemoteType = string.Empty;
    }

    /// <summary>Creates the exception for a remote failure of type <paramref name="remoteType"/>.</summary>
    public RemoteGrainException(string remoteType, string message)
        : base(message)
    {
        RemoteType = remoteType;
    }

    /// <summary>The full name of the exception type thrown on the remote silo.</summary>
    public string RemoteType { get; }
}
