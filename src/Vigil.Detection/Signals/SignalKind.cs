namespace Vigil.Detection.Signals;

/// <summary>The co-action signals that link two accounts.</summary>
public enum SignalKind
{
    CoLink,
    CoDomain,
    CoReshare,
    CoReply,
    CoText,
    CoHashtagSequence,
    CoMedia,
    SynchronizedActivity,
}
