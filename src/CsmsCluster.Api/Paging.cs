namespace CsmsCluster.Api;

/// <summary>Validates page query parameters (1-based page, bounded page size).</summary>
internal static class Paging
{
    public const int DefaultPageSize = 50;

    public static bool TryRead(int? page, int? pageSize, int maxPageSize, out int p, out int s, out string error)
    {
        p = page ?? 1;
        s = pageSize ?? DefaultPageSize;
        error = string.Empty;
        if (p < 1)
        {
            error = "page must be 1 or more.";
            return false;
        }

        if (s < 1 || s > maxPageSize)
        {
            error = $"pageSize must be between 1 and {maxPageSize}.";
            return false;
        }

        return true;
    }
}
