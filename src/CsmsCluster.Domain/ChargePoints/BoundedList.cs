namespace CsmsCluster.Domain.ChargePoints;

/// <summary>Appends to a newest-last list and drops the oldest entries beyond a bound.</summary>
internal static class BoundedList
{
    public static void Append<T>(List<T> list, T item, int max)
    {
        list.Add(item);
        if (list.Count > max)
        {
            list.RemoveRange(0, list.Count - max);
        }
    }
}
