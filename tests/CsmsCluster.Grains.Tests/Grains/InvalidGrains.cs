namespace CsmsCluster.Grains.Tests.Grains;

/// <summary>Grain definitions that start-up validation must reject, one defect each (nested to keep them together).</summary>
public static class InvalidGrains
{
    public sealed class Unserializable
    {
        public int Value { get; set; }
    }

    [Alias("missing-method-alias")]
    public interface IMissingMethodAlias : IGrainWithStringKey
    {
        Task PingAsync();
    }

    [GrainType("missing-method-alias")]
    public sealed class MissingMethodAlias : Grain, IMissingMethodAlias
    {
        public Task PingAsync() => Task.CompletedTask;
    }

    public interface IMissingInterfaceAlias : IGrainWithStringKey
    {
        [Alias("ping")]
        Task PingAsync();
    }

    [GrainType("missing-interface-alias")]
    public sealed class MissingInterfaceAlias : Grain, IMissingInterfaceAlias
    {
        public Task PingAsync() => Task.CompletedTask;
    }

    [Alias("duplicate-method-alias")]
    public interface IDuplicateMethodAlias : IGrainWithStringKey
    {
        [Alias("ping")]
        Task PingAsync();

        [Alias("ping")]
        Task PongAsync();
    }

    [GrainType("duplicate-method-alias")]
    public sealed class DuplicateMethodAlias : Grain, IDuplicateMethodAlias
    {
        public Task PingAsync() => Task.CompletedTask;

        public Task PongAsync() => Task.CompletedTask;
    }

    [Alias("test-turn")]
    public interface IDuplicateInterfaceAlias : IGrainWithStringKey
    {
        [Alias("ping")]
        Task PingAsync();
    }

    [GrainType("duplicate-interface-alias")]
    public sealed class DuplicateInterfaceAlias : Grain, IDuplicateInterfaceAlias
    {
        public Task PingAsync() => Task.CompletedTask;
    }

    [Alias("not-task")]
    public interface INotTask : IGrainWithStringKey
    {
        [Alias("count")]
        int Count();
    }

    [GrainType("not-task")]
    public sealed class NotTask : Grain, INotTask
    {
        public int Count() => 0;
    }

    [Alias("no-grain-type")]
    public interface INoGrainType : IGrainWithStringKey
    {
        [Alias("ping")]
        Task PingAsync();
    }

    public sealed class NoGrainType : Grain, INoGrainType
    {
        public Task PingAsync() => Task.CompletedTask;
    }

    [GrainType("no-grain-type-2")]
    public sealed class SecondNoGrainType : Grain, INoGrainType
    {
        public Task PingAsync() => Task.CompletedTask;
    }

    [Alias("unserializable-parameter")]
    public interface IUnserializableParameter : IGrainWithStringKey
    {
        [Alias("put")]
        Task PutAsync(Unserializable value);
    }

    [GrainType("unserializable-parameter")]
    public sealed class UnserializableParameter : Grain, IUnserializableParameter
    {
        public Task PutAsync(Unserializable value) => Task.CompletedTask;
    }

    [Alias("unserializable-state")]
    public interface IUnserializableState : IGrainWithStringKey
    {
        [Alias("ping")]
        Task PingAsync();
    }

    [GrainType("unserializable-state")]
    public sealed class UnserializableState : Grain<Unserializable>, IUnserializableState
    {
        public Task PingAsync() => Task.CompletedTask;
    }
}
