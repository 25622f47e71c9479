namespace CsmsCluster.Persistence;

/// <summary>One versioned schema script (embedded resource <c>migrations/{provider}/{version:D4}_{name}.sql</c>).</summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>Loads the provider's scripts in version order; fails on a malformed or duplicate version.</summary>
    public static IReadOnlyList<Migration> Load(string provider)
    {
        var assembly = typeof(Migration).Assembly;
        var prefix = $"migrations/{provider}/";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = resource[prefix.Length..^".sql".Length];
            var separator = fileName.IndexOf('_', StringComparison.Ordinal);
            if (separator <= 0 || !int.TryParse(fileName.AsSpan(0, separator), out var version))
            {
                throw new InvalidOperationException($"Migration resource '{resource}' is not named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd()));
        }

        if (migrations.Count == 0)
        {
            throw new InvalidOperationException($"No embedded migrations found under '{prefix}'; the build did not embed the scripts.");
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Two {provider} migrations have version {migrations[i].Version}.");
            }
        }

        return migrations;
    }
}
