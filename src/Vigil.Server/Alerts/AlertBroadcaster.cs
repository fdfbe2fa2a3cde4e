using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Vigil.Server.Alerts;

/// <summary>
/// Live alert notices for open event streams, per organization. A slow listener loses the oldest notices, never
/// holds up the dispatcher; it catches up from the inbox by id (<c>Last-Event-ID</c>) when it reconnects.
/// </summary>
public sealed class AlertBroadcaster
{
    private const int Capacity = 1024;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Channel<AlertView>, byte>> _listeners = new(StringComparer.Ordinal);

    public ChannelReader<AlertView> Listen(string orgId, CancellationToken stop)
    {
        var channel = Channel.CreateBounded<AlertView>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var set = _listeners.GetOrAdd(orgId, _ => new ConcurrentDictionary<Channel<AlertView>, byte>());
        set[channel] = 0;
        stop.Register(() =>
        {
            set.TryRemove(channel, out _);
            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    public void Publish(string orgId, AlertView alert)
    {
        if (_listeners.TryGetValue(orgId, out var set))
        {
            foreach (var channel in set.Keys)
            {
                channel.Writer.TryWrite(alert);
            }
        }
    }
}
