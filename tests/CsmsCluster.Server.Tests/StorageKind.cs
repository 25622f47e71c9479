namespace CsmsCluster.Server.Tests;

/// <summary>Which database a test server runs on.</summary>
public enum StorageKind
{
    Sqlite,
    Postgres,
}
