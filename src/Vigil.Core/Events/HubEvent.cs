namespace Vigil.Core.Events;

/// <summary>
/// One entry of the hub's event outbox: written in the same transaction as the change it describes, read in
/// <see cref="Id"/> order by the dispatcher. <see cref="Payload"/> is the JSON of the kind's record.
/// </summary>
public sealed record HubEvent(long Id, string Kind, string Payload, DateTimeOffset OccurredAt);
