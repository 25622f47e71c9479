namespace CsmsCluster.Api;

/// <summary>HTTP API settings; configuration section <c>Csms:Api</c>.</summary>
public sealed class ApiOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Csms:Api";

    /// <summary>
    /// The bootstrap admin bearer token. If unset, one is generated on first start, kept in
    /// <see cref="DataDirectory"/> as <c>admin-token</c> and printed once in the log.
    /// </summary>
    public string? AdminToken { get; set; }

    /// <summary>Where a generated admin token is kept. Default <c>./data</c>.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Largest page size a list endpoint returns. Default 500.</summary>
    public int MaxPageSize { get; set; } = 500;
}
