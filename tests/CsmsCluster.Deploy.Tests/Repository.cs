namespace CsmsCluster.Deploy.Tests;

/// <summary>Paths inside the repository the tests run from.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The directory holding CsmsCluster.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>An absolute path from a repository-relative one written with '/'.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The text of a repository file.</summary>
    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CsmsCluster.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CsmsCluster.sln above {AppContext.BaseDirectory}.");
    }
}
