using System.Text.Json.Serialization;
using CsmsCluster.Grains;

namespace CsmsCluster.Cluster.Tests;

[Alias("counter")]
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one, writes the state, returns the new count.</summary>
    [Alias("increment")]
    Task<int> IncrementAsync();

    /// <summary>Where and as which activation the grain runs.</summary>
    [Alias("where")]
    Task<ActivationInfo> WhereAsync();

    [Alias("echo")]
    Task<EchoReply> EchoAsync(EchoRequest request, CancellationToken cancellationToken);

    [Alias("fail")]
    Task FailAsync(string message);

    /// <summary>Adds one after the test opens gate <paramref name="gate"/> (the turn waits inside the grain), then writes.</summary>
    [Alias("increment-after")]
    Task<int> IncrementAfterAsync(string gate);
}

/// <summary>Gates a test opens to let a waiting grain turn go on.</summary>
public static class TestGates
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> Gates = new();

    public static Task WaitAsync(string gate) => Gates.GetOrAdd(gate, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public static void Open(string gate) => Gates.GetOrAdd(gate, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public static bool IsWaiting(string gate) => Gates.ContainsKey(gate);
}

public sealed record ActivationInfo(string SiloId, Guid ActivationId, int Count);

public sealed record EchoRequest(string Text, int[] Numbers);

public sealed record EchoReply(string Text, int Sum);

public sealed class CounterState
{
    public int Count { get; set; }
}

[GrainType("counter")]
public sealed class CounterGrain(SiloIdentity silo) : Grain<CounterState>, ICounterGrain
{
    private readonly Guid _activationId = Guid.NewGuid();

    public async Task<int> IncrementAsync()
    {
        State.Count++;
        await WriteStateAsync();
        return State.Count;
    }

    public Task<ActivationInfo> WhereAsync() => Task.FromResult(new ActivationInfo(silo.SiloId, _activationId, State.Count));

    public Task<EchoReply> EchoAsync(EchoRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new EchoReply(request.Text, request.Numbers.Sum()));

    public Task FailAsync(string message) => throw new InvalidOperationException(message);

    public async Task<int> IncrementAfterAsync(string gate)
    {
        await TestGates.WaitAsync(gate);
        State.Count++;
        await WriteStateAsync();
        return State.Count;
    }
}

/// <summary>The silo a grain runs in (test grains report it).</summary>
public sealed record SiloIdentity(string SiloId);

[JsonSerializable(typeof(CounterState))]
[JsonSerializable(typeof(ActivationInfo))]
[JsonSerializable(typeof(EchoRequest))]
[JsonSerializable(typeof(EchoReply))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
internal sealed partial class TestGrainsJsonContext : JsonSerializerContext;
