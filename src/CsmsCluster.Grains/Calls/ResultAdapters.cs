namespace CsmsCluster.Grains.Calls;

/// <summary>Adapts the four grain return shapes to <see cref="ValueTask{T}"/>, without allocating when complete.</summary>
internal static class ResultAdapters
{
    public static ValueTask<T> FromTaskOfT<T>(Task<T> task) => new(task);

    public static ValueTask<object?> FromTask(Task task) =>
        task.IsCompletedSuccessfully ? default : AwaitAsync(task);

    public static ValueTask<object?> FromValueTask(ValueTask task)
    {
        if (task.IsCompletedSuccessfully)
        {
            // Consumes the result so a pooled IValueTaskSource is released.
            task.GetAwaiter().GetResult();
            return default;
        }

        return AwaitAsync(task.AsTask());
    }

    private static async ValueTask<object?> AwaitAsync(Task task)
    {
        await task;
        return null;
    }
}
