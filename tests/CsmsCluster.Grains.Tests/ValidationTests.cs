using CsmsCluster.Grains.Tests.Grains;
using static CsmsCluster.Grains.Tests.Grains.InvalidGrains;

namespace CsmsCluster.Grains.Tests;

/// <summary>Start-up validation fails fast with one message listing every defect.</summary>
public sealed class ValidationTests
{
    [Fact]
    public void Startup_MethodWithoutAlias_Fails() =>
        AssertInvalid(s => s.AddGrain<IMissingMethodAlias, MissingMethodAlias>(), "Grain method IMissingMethodAlias.PingAsync has no [Alias].");

    [Fact]
    public void Startup_InterfaceWithoutAlias_Fails() =>
        AssertInvalid(s => s.AddGrain<IMissingInterfaceAlias, MissingInterfaceAlias>(), "Grain interface IMissingInterfaceAlias has no [Alias].");

    [Fact]
    public void Startup_DuplicateMethodAlias_Fails() =>
        AssertInvalid(
            s => s.AddGrain<IDuplicateMethodAlias, DuplicateMethodAlias>(),
            "Grain method IDuplicateMethodAlias.PongAsync has alias \"ping\", already used by IDuplicateMethodAlias.PingAsync.");

    [Fact]
    public void Startup_DuplicateInterfaceAlias_Fails() =>
        AssertInvalid(
            s => s.AddGrain<ITurnGrain, TurnGrain>().AddGrain<IDuplicateInterfaceAlias, DuplicateInterfaceAlias>(),
            "Grain interfaces ITurnGrain and IDuplicateInterfaceAlias both have alias \"test-turn\".");

    [Fact]
    public void Startup_NonTaskReturnType_Fails() =>
        AssertInvalid(
            s => s.AddGrain<INotTask, NotTask>(),
            "Grain method INotTask.Count returns Int32; it must return Task, Task<T>, ValueTask or ValueTask<T>.");

    [Fact]
    public void Startup_ClassWithoutGrainType_Fails() =>
        AssertInvalid(s => s.AddGrain<INoGrainType, NoGrainType>(), "Grain class NoGrainType has no [GrainType(\"...\")].");

    [Fact]
    public void Startup_TwoImplementationsOfOneInterface_Fails() =>
        AssertInvalid(
            s => s.AddGrain<INoGrainType, SecondNoGrainType>().AddGrain<INoGrainType, NoGrainType>(),
            "Grain interface INoGrainType has two implementations: SecondNoGrainType and NoGrainType.");

    [Fact]
    public void Startup_ParameterTypeWithoutJsonTypeInfo_Fails() =>
        AssertInvalid(
            s => s.AddGrain<IUnserializableParameter, UnserializableParameter>(),
            "Grain method IUnserializableParameter.PutAsync has parameter value of type Unserializable, which no registered JSON type info covers.");

    [Fact]
    public void Startup_StateTypeWithoutJsonTypeInfo_Fails() =>
        AssertInvalid(
            s => s.AddGrain<IUnserializableState, UnserializableState>(),
            "Grain class UnserializableState has state type Unserializable, which no registered JSON type info covers.");

    [Fact]
    public void Startup_SeveralDefects_ListsEveryOne()
    {
        var exception = Build(s => s.AddGrain<IMissingMethodAlias, MissingMethodAlias>().AddGrain<INotTask, NotTask>());

        Assert.Equal(
            "Grain registration is invalid:\n- Grain method IMissingMethodAlias.PingAsync has no [Alias].\n" +
            "- Grain method INotTask.Count returns Int32; it must return Task, Task<T>, ValueTask or ValueTask<T>.",
            exception.Message);
    }

    [Fact]
    public void Startup_ValidGrains_Succeeds()
    {
        var services = new ServiceCollection().AddGrainRuntime(o => o.RequireSerializableCallTypes = true)
            .AddGrainJsonTypeInfo(TestJsonContext.Default)
            .AddGrain<ITurnGrain, TurnGrain>()
            .AddGrain<IStateGrain, StateGrain>();
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IGrainFactory>().GetGrain<ITurnGrain>("any"));
    }

    [Fact]
    public void GetGrain_UnregisteredInterface_FailsWithClearMessage()
    {
        using var provider = new ServiceCollection().AddGrainRuntime().AddGrainJsonTypeInfo(TestJsonContext.Default).BuildServiceProvider();

        var exception = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IGrainFactory>().GetGrain<ITurnGrain>("any"));

        Assert.Equal("No grain implementation is registered for ITurnGrain; call services.AddGrain<ITurnGrain, TImplementation>().", exception.Message);
    }

    private static void AssertInvalid(Action<IServiceCollection> register, string expectedDefect) =>
        Assert.Equal("Grain registration is invalid:\n- " + expectedDefect, Build(register).Message);

    private static InvalidOperationException Build(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection().AddGrainRuntime(o => o.RequireSerializableCallTypes = true).AddGrainJsonTypeInfo(TestJsonContext.Default);
        register(services);
        using var provider = services.BuildServiceProvider();
        return Assert.Throws<InvalidOperationException>(provider.GetRequiredService<GrainRuntime>);
    }
}
