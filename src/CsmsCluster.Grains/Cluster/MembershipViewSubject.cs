using Microsoft.Extensions.Logging;

namespace CsmsCluster.Grains.Cluster;

/// <summary>The observers of the adopted view: a new observer gets the current view at once; completion is final.</summary>
internal sealed class MembershipViewSubject(ILogger logger) : IObservable<MembershipView>
{
    private readonly Lock _lock = new();
    private readonly List<IObserver<MembershipView>> _observers = [];
    private MembershipView? _current;
    private bool _completed;

    public MembershipView? Current => _current;

    public IDisposable Subscribe(IObserver<MembershipView> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        MembershipView? current;
        lock (_lock)
        {
            if (_completed)
            {
                observer.OnCompleted();
                return Unsubscriber.None;
            }

            _observers.Add(observer);
            current = _current;
        }

        if (current is not null)
        {
            observer.OnNext(current);
        }

        return new Unsubscriber(this, observer);
    }

    /// <summary>Publishes <paramref name="view"/> to every observer, synchronously, before returning.</summary>
    public void Publish(MembershipView view)
    {
        IObserver<MembershipView>[] observers;
        lock (_lock)
        {
            if (_completed)
            {
                return;
            }

            _current = view;
            observers = [.. _observers];
        }

        foreach (var observer in observers)
        {
            try
            {
                observer.OnNext(view);
            }
            catch (Exception exception)
            {
                logger.ObserverFailed(exception);
            }
        }
    }

    public void Complete()
    {
        IObserver<MembershipView>[] observers;
        lock (_lock)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            _current = null;
            observers = [.. _observers];
            _observers.Clear();
        }

        foreach (var observer in observers)
        {
            observer.OnCompleted();
        }
    }

    private void Remove(IObserver<MembershipView> observer)
    {
        lock (_lock)
        {
            _observers.Remove(observer);
        }
    }

    private sealed class Unsubscriber(MembershipViewSubject? subject, IObserver<MembershipView>? observer) : IDisposable
    {
        public static readonly Unsubscriber None = new(null, null);

        public void Dispose()
        {
            if (observer is not null)
            {
                subject?.Remove(observer);
            }
        }
    }
}
