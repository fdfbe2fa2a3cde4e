using Vigil.Core.Events;

namespace Vigil.Server.Alerts;

/// <summary>A part that reacts to hub events. It sees each event at least once, in id order; it must tolerate seeing one twice.</summary>
public interface IEventConsumer
{
    /// <summary>Names the consumer's cursor in <c>event_cursors</c>.</summary>
    string Name { get; }

    Task HandleAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken);
}
