namespace Vigil.Detection.Stix;

/// <summary>The attack-pattern each coordination signal stands for: a name and what it means.</summary>
internal static class SignalTechniques
{
    public static (string Name, string Description) Of(string signal) => signal switch
    {
        "co-link" => ("Coordinated link sharing", "Accounts post the same URL within seconds of each other, again and again."),
        "co-domain" => ("Coordinated domain promotion", "Accounts post links to the same site within seconds of each other, again and again."),
        "co-reshare" => ("Coordinated resharing", "Accounts reshare the same post within seconds of each other, again and again."),
        "co-share" => ("Coordinated sharing", "Accounts share the same item within a short window, again and again (CooRTweet's co-share)."),
        "co-reply" => ("Coordinated replying", "Accounts reply to the same post within seconds of each other, again and again."),
        "co-text" => ("Near-duplicate posting", "Accounts post near-identical text (copypasta) within minutes of each other."),
        "co-hashtag-sequence" => ("Coordinated hashtag sequences", "Accounts post the same ordered set of hashtags within minutes of each other."),
        "co-media" => ("Coordinated image sharing", "Accounts post the same or nearly the same picture (PDQ) within minutes of each other."),
        "synchronized-activity" => ("Synchronized posting", "Accounts are active in the same minutes far more often than chance allows."),
        "combined" => ("Coordinated co-action over several signals", "Accounts co-act on several signals, none of which is conclusive alone."),
        _ => ("Coordinated behaviour: " + signal, "Accounts act together on the signal '" + signal + "' more than chance allows."),
    };
}
