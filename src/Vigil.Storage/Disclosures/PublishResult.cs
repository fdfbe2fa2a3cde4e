using Vigil.Core.Sharing;

namespace Vigil.Storage.Disclosures;

/// <summary>
/// The outcome, the disclosure when published (and whether the case moved to disclosed), or the object that stopped it:
/// one the publisher may not see, or one marked <see cref="ObjectTlp"/> above TLP:CLEAR without confirmation.
/// </summary>
public sealed record PublishResult(PublishOutcome Outcome, Disclosure? Disclosure = null, bool CaseDisclosed = false, string? ObjectId = null, TlpLevel? ObjectTlp = null);
