namespace CsmsCluster.Persistence;

/// <summary>Validates page arguments and turns them into LIMIT/OFFSET values.</summary>
internal static class Paging
{
    public const int MaxPageSize = 1_000;

    public static (int Limit, long Offset) Check(int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        return (pageSize, (page - 1L) * pageSize);
    }
}
