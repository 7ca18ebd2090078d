using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SalesCockpit.Infrastructure.Realtime;

/// <summary>The app's own instruments (meter <c>SalesCockpit</c>): how team events travel to live pages.</summary>
public sealed class RealtimeMetrics
{
    public const string MeterName = "SalesCockpit";

    private readonly Counter<long> eventsPublished;
    private readonly Counter<long> liveUpdates;
    private readonly Histogram<double> pushLatency;
    private readonly UpDownCounter<long> openCircuits;

    public RealtimeMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        eventsPublished = meter.CreateCounter<long>("salescockpit.events.published", "{event}", "Team events published on this server");
        liveUpdates = meter.CreateCounter<long>("salescockpit.live_page.updates", "{update}", "Live pages that handled (and re-rendered for) a team event");
        pushLatency = meter.CreateHistogram<double>(
            "salescockpit.push.latency", "ms", "From a team event reaching this server's bus to a live page having handled and rendered it");
        openCircuits = meter.CreateUpDownCounter<long>("salescockpit.circuits.open", "{circuit}", "Interactive Blazor circuits open on this server");
    }

    public void EventPublished(TeamEvent teamEvent)
    {
        ArgumentNullException.ThrowIfNull(teamEvent);
        eventsPublished.Add(1, new KeyValuePair<string, object?>("topic", teamEvent.Topic));
    }

    /// <summary>A live page handled <paramref name="teamEvent"/>, received at the <see cref="Stopwatch.GetTimestamp"/> <paramref name="receivedAt"/>.</summary>
    public void LivePageUpdated(TeamEvent teamEvent, long receivedAt)
    {
        ArgumentNullException.ThrowIfNull(teamEvent);
        var topic = new KeyValuePair<string, object?>("topic", teamEvent.Topic);
        liveUpdates.Add(1, topic);
        pushLatency.Record(Stopwatch.GetElapsedTime(receivedAt).TotalMilliseconds, topic);
    }

    public void CircuitOpened() => openCircuits.Add(1);

    public void CircuitClosed() => openCircuits.Add(-1);
}
