using Vigil.Core.Privacy;

namespace Vigil.Core.Events;

/// <summary>
/// A request between members was sent (<see cref="HubEventKinds.RequestSent"/>: one event, <see cref="Orgs"/> are the
/// recipients) or answered (<see cref="HubEventKinds.RequestAnswered"/>: <see cref="Orgs"/> is the responder and
/// <see cref="Outcome"/> what it did). Carries identifiers and kinds only, never the request's text; a sent request carries the legal process it cites.
/// </summary>
public sealed record RequestEvent(string RequestId, string FromOrg, IReadOnlyList<string> Orgs, string Kind, string? Outcome, DateTimeOffset At, LegalProcessReference? LegalProcess = null);
