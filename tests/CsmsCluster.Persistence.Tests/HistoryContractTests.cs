namespace CsmsCluster.Persistence.Tests;

/// <summary>Transaction and meter value history through the writer and the queries, on both databases.</summary>
public sealed class HistoryContractTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TestStorage Storage, IHistoryWriter Writer, IHistoryQueries Queries)> StartAsync(string provider)
    {
        var storage = await TestStorage.CreateAsync(provider);
        await storage.Get<HistoryWriter>().StartAsync(Ct);
        return (storage, storage.Get<IHistoryWriter>(), storage.Get<IHistoryQueries>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task StartAndStop_RoundTripThroughQueries_WithEnergy(string provider)
    {
        var (storage, writer, queries) = await StartAsync(provider);
        await using var _ = storage;

        // A non-UTC offset is stored as the same instant.
        await writer.RecordTransactionStartedAsync(new(101, "CP-H-1", 2, "TAG-1", T0.ToOffset(TimeSpan.FromHours(2)), 1_000, 7), Ct);
        var running = await queries.GetTransactionAsync(101, Ct);
        await writer.RecordTransactionStoppedAsync(new(101, "CP-H-1", T0.AddHours(1), 12_500, "Local", "TAG-1"), Ct);
        var stopped = await queries.GetTransactionAsync(101, Ct);

        Assert.Equal(new TransactionRecord(101, "CP-H-1", 2, "TAG-1", T0, 1_000, 7, null, null, null, null), running);
        Assert.Null(running!.EnergyWh);
        Assert.Equal(new TransactionRecord(101, "CP-H-1", 2, "TAG-1", T0, 1_000, 7, T0.AddHours(1), 12_500, "Local", "TAG-1"), stopped);
        Assert.Equal(11_500, stopped!.EnergyWh);
        Assert.Equal(TimeSpan.Zero, stopped.StartTime!.Value.Offset);
        Assert.Null(await queries.GetTransactionAsync(999, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Replays_OfStartStopAndMeterValues_AreNotCountedTwice(string provider)
    {
        var (storage, writer, queries) = await StartAsync(provider);
        await using var _ = storage;
        var samples = new[]
        {
            new MeterValueSample("CP-H-2", 1, 202, T0.AddMinutes(1), """[{"value":"10","measurand":"Energy.Active.Import.Register"}]"""),
            new MeterValueSample("CP-H-2", 1, 202, T0.AddMinutes(2), """[{"value":"20"}]"""),
        };

        await writer.RecordTransactionStartedAsync(new(202, "CP-H-2", 1, "TAG-2", T0, 100, null), Ct);
        await writer.RecordTransactionStartedAsync(new(202, "CP-H-2", 1, "TAG-OTHER", T0.AddMinutes(5), 999, null), Ct);
        await writer.RecordMeterValuesAsync(samples, Ct);
        await writer.RecordMeterValuesAsync(samples, Ct);
        await writer.RecordTransactionStoppedAsync(new(202, "CP-H-2", T0.AddMinutes(10), 300, "EVDisconnected", null), Ct);
        await writer.RecordTransactionStoppedAsync(new(202, "CP-H-2", T0.AddMinutes(20), 900, "Other", "TAG-X"), Ct);

        Assert.Equal(
            new TransactionRecord(202, "CP-H-2", 1, "TAG-2", T0, 100, null, T0.AddMinutes(10), 300, "EVDisconnected", null),
            await queries.GetTransactionAsync(202, Ct));
        Assert.Equal(samples, await queries.GetMeterValuesAsync(202, Ct));
        Assert.Equal(1, await storage.ScalarAsync("SELECT count(*) FROM transactions"));
        Assert.Equal(2, await storage.ScalarAsync("SELECT count(*) FROM meter_values"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task StopBeforeStart_CreatesRowThatTheLaterStartCompletes(string provider)
    {
        var (storage, writer, queries) = await StartAsync(provider);
        await using var _ = storage;

        await writer.RecordTransactionStoppedAsync(new(303, "CP-H-3", T0.AddHours(2), 5_000, null, null), Ct);
        var stopOnly = await queries.GetTransactionAsync(303, Ct);
        await writer.RecordTransactionStartedAsync(new(303, "CP-H-3", 1, "TAG-3", T0, 2_000, null), Ct);

        Assert.Equal(new TransactionRecord(303, "CP-H-3", 0, "", null, null, null, T0.AddHours(2), 5_000, null, null), stopOnly);
        Assert.Equal(
            new TransactionRecord(303, "CP-H-3", 1, "TAG-3", T0, 2_000, null, T0.AddHours(2), 5_000, null, null),
            await queries.GetTransactionAsync(303, Ct));
        Assert.Equal(3_000, (await queries.GetTransactionAsync(303, Ct))!.EnergyWh);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MeterValues_AreReturnedForTheirTransactionInTimestampOrderWithRawJson(string provider)
    {
        var (storage, writer, queries) = await StartAsync(provider);
        await using var _ = storage;
        const string Raw = """[ {"value": "1.50", "unit":"kWh",  "context":"Sample.Periodic"} ]""";

        await writer.RecordMeterValuesAsync(
        [
            new("CP-H-4", 1, 404, T0.AddSeconds(30), """[{"value":"3"}]"""),
            new("CP-H-4", 1, 404, T0, Raw),
            new("CP-H-4", 1, null, T0, """[{"value":"no transaction"}]"""),
            new("CP-H-4", 2, 405, T0, """[{"value":"other transaction"}]"""),
            new("CP-H-4", 1, 404, T0.AddSeconds(30), """[{"value":"3","phase":"L1"}]"""),
        ], Ct);

        var values = await queries.GetMeterValuesAsync(404, Ct);

        Assert.Equal(
            [Raw, """[{"value":"3"}]""", """[{"value":"3","phase":"L1"}]"""],
            values.Select(v => v.SampledValueJson));
        Assert.Equal([T0, T0.AddSeconds(30), T0.AddSeconds(30)], values.Select(v => v.Timestamp));
        Assert.All(values, v => Assert.Equal(("CP-H-4", 1, (int?)404), (v.ChargePointId, v.ConnectorId, v.TransactionId)));
        Assert.Empty(await queries.GetMeterValuesAsync(999, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListTransactions_FiltersByChargePointIdTagAndTimeAndPages(string provider)
    {
        var (storage, writer, queries) = await StartAsync(provider);
        await using var _ = storage;
        // Ids 1..10: odd on CP-A, even on CP-B; TAG-X for ids divisible by 3; started an hour apart.
        for (var id = 1; id <= 10; id++)
        {
            await writer.RecordTransactionStartedAsync(
                new(id, id % 2 == 1 ? "CP-A" : "CP-B", 1, id % 3 == 0 ? "TAG-X" : "TAG-Y", T0.AddHours(id), id * 10, null), Ct);
        }

        var all = await queries.ListTransactionsAsync(new(), Ct);
        var cpA = await queries.ListTransactionsAsync(new(ChargePointId: "CP-A"), Ct);
        var tagX = await queries.ListTransactionsAsync(new(IdTag: "TAG-X"), Ct);
        var window = await queries.ListTransactionsAsync(new(From: T0.AddHours(3), To: T0.AddHours(6)), Ct);
        var combined = await queries.ListTransactionsAsync(new("CP-B", "TAG-X", T0.AddHours(1), T0.AddHours(10)), Ct);
        var page2 = await queries.ListTransactionsAsync(new(Page: 2, PageSize: 4), Ct);
        var beyond = await queries.ListTransactionsAsync(new(Page: 4, PageSize: 4), Ct);

        Assert.Equal(Enumerable.Range(1, 10).Reverse(), all.Items.Select(t => t.Id));
        Assert.Equal(10, all.Total);
        Assert.Equal([9, 7, 5, 3, 1], cpA.Items.Select(t => t.Id));
        Assert.Equal([9, 6, 3], tagX.Items.Select(t => t.Id));
        Assert.Equal([5, 4, 3], window.Items.Select(t => t.Id)); // From inclusive, To exclusive
        Assert.Equal([6], combined.Items.Select(t => t.Id)); // 10 is excluded by To
        Assert.Equal(1, combined.Total);
        Assert.Equal([6, 5, 4, 3], page2.Items.Select(t => t.Id));
        Assert.Equal((10L, 2, 4), (page2.Total, page2.Page, page2.PageSize));
        Assert.Empty(beyond.Items);
        Assert.Equal(10, beyond.Total);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queries.ListTransactionsAsync(new(PageSize: 0), Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListTransactions_OrdersEqualStartTimesByIdDescendingAndStopOnlyRowsLast(string provider)
    {
        var (storage, writer, queries) = await StartAsync(provider);
        await using var _ = storage;
        await writer.RecordTransactionStoppedAsync(new(50, "CP-O", T0, 1, null, null), Ct);
        await writer.RecordTransactionStartedAsync(new(51, "CP-O", 1, "T", T0, 0, null), Ct);
        await writer.RecordTransactionStartedAsync(new(52, "CP-O", 1, "T", T0, 0, null), Ct);

        var list = await queries.ListTransactionsAsync(new(ChargePointId: "CP-O"), Ct);

        Assert.Equal([52, 51, 50], list.Items.Select(t => t.Id));
    }
}
