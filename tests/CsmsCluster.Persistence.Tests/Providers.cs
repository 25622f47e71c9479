namespace CsmsCluster.Persistence.Tests;

/// <summary>Theory data: every contract test runs once per database provider.</summary>
public static class Providers
{
    public static TheoryData<string> All => new(StorageOptions.SqliteProvider, StorageOptions.PostgresProvider);
}
