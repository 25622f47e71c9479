using System.Text.Json.Serialization;

namespace CsmsCluster.Grains.Tests.Grains;

/// <summary>Source-generated JSON for the test grains' state, arguments and results.</summary>
[JsonSerializable(typeof(CounterState))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(Guid))]
[JsonSerializable(typeof(TimeSpan))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(bool))]
public sealed partial class TestJsonContext : JsonSerializerContext;
