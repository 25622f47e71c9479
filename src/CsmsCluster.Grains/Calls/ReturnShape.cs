namespace CsmsCluster.Grains.Calls;

/// <summary>The four return types a grain method may have.</summary>
internal enum ReturnShape
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}
