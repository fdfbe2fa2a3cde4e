namespace Vigil.Detection.Signals;

/// <summary>The names signals carry in reports.</summary>
public static class SignalNames
{
    public static string Of(SignalKind kind) => kind switch
    {
        SignalKind.CoLink => "co-link",
        SignalKind.CoDomain => "co-domain",
        SignalKind.CoReshare => "co-reshare",
        SignalKind.CoReply => "co-reply",
        SignalKind.CoText => "co-text",
        SignalKind.CoHashtagSequence => "co-hashtag-sequence",
        SignalKind.CoMedia => "co-media",
        SignalKind.SynchronizedActivity => "synchronized-activity",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
