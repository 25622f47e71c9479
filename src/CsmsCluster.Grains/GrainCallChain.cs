namespace CsmsCluster.Grains;

/// <summary>
/// The grains whose non-interleaved calls are in progress along one logical call path (immutable linked list,
/// innermost first). A call to a grain already on its chain would wait on itself and fails with
/// <see cref="GrainDeadlockException"/>.
/// </summary>
public sealed class GrainCallChain
{
    /// <summary>Creates a chain whose innermost grain is <paramref name="grainId"/>.</summary>
    public GrainCallChain(GrainId grainId, GrainCallChain? outer)
    {
        GrainId = grainId;
        Outer = outer;
        Length = (outer?.Length ?? 0) + 1;
    }

    /// <summary>The innermost grain.</summary>
    public GrainId GrainId { get; }

    /// <summary>The rest of the chain, or null.</summary>
    public GrainCallChain? Outer { get; }

    /// <summary>The number of grains on the chain.</summary>
    public int Length { get; }

    /// <summary>Rebuilds a chain from <see cref="ToArray"/> output (as read from a call header).</summary>
    public static GrainCallChain? FromArray(IReadOnlyList<GrainId> innermostFirst)
    {
        ArgumentNullException.ThrowIfNull(innermostFirst);
        GrainCallChain? chain = null;
        for (var i = innermostFirst.Count - 1; i >= 0; i--)
        {
            chain = new GrainCallChain(innermostFirst[i], chain);
        }

        return chain;
    }

    /// <summary>True when <paramref name="grainId"/> is on the chain.</summary>
    public bool Contains(GrainId grainId)
    {
        for (var link = this; link is not null; link = link.Outer)
        {
            if (link.GrainId == grainId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The grains, innermost first (for a call header).</summary>
    public GrainId[] ToArray()
    {
        var result = new GrainId[Length];
        var i = 0;
        for (var link = this; link is not null; link = link.Outer)
        {
            result[i++] = link.GrainId;
        }

        return result;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(" <- ", ToArray());
}
