namespace CsmsCluster.Ocpp.Tests;

/// <summary>The repository checkout the tests run from: the nearest directory above the test binaries with schemas/README.md.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "schemas", "README.md")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No schemas/README.md above {AppContext.BaseDirectory}.");
    }
}
