using System.Collections.Frozen;

namespace Vigil.Correlation.Observables;

/// <summary>
/// Known social platforms and their aliases (<c>twitter</c>, <c>twitter.com</c> and <c>x.com</c> are all <c>x</c>).
/// An account key's qualifier is always the canonical name from this table.
/// </summary>
public static class Platforms
{
    private static readonly FrozenDictionary<string, string> Aliases = Build(
        ("x", ["twitter", "twitter.com", "x.com", "tweetdeck"]),
        ("facebook", ["fb", "facebook.com", "fb.com", "meta"]),
        ("instagram", ["ig", "instagram.com"]),
        ("threads", ["threads.net", "threads.com"]),
        ("youtube", ["yt", "youtube.com", "youtu.be"]),
        ("tiktok", ["tiktok.com", "douyin"]),
        ("telegram", ["tg", "t.me", "telegram.org", "telegram.me"]),
        ("vk", ["vkontakte", "vk.com"]),
        ("ok", ["ok.ru", "odnoklassniki"]),
        ("reddit", ["reddit.com"]),
        ("linkedin", ["linkedin.com"]),
        ("bluesky", ["bsky", "bsky.app", "bsky.social"]),
        ("mastodon", ["fediverse", "activitypub"]),
        ("rutube", ["rutube.ru"]),
        ("rumble", ["rumble.com"]),
        ("truthsocial", ["truth social", "truth-social", "truthsocial.com"]),
        ("gab", ["gab.com"]),
        ("gettr", ["gettr.com"]),
        ("parler", ["parler.com"]),
        ("whatsapp", ["wa", "whatsapp.com"]),
        ("weibo", ["sina weibo", "weibo.com"]),
        ("wechat", ["weixin"]),
        ("discord", ["discord.com", "discord.gg"]),
        ("twitch", ["twitch.tv"]),
        ("pinterest", ["pinterest.com"]),
        ("snapchat", ["snap", "snapchat.com"]),
        ("github", ["github.com"]),
        ("medium", ["medium.com"]),
        ("substack", ["substack.com"]),
        ("line", ["line.me"]),
        ("kakaotalk", ["kakao"]),
        ("bilibili", ["bilibili.com"]),
        ("dailymotion", ["dailymotion.com"]),
        ("vimeo", ["vimeo.com"]),
        ("quora", ["quora.com"]),
        ("tumblr", ["tumblr.com"]),
        ("4chan", ["4chan.org"]),
        ("bitchute", ["bitchute.com"]),
        ("odysee", ["odysee.com", "lbry"]),
        ("minds", ["minds.com"]),
        ("signal", ["signal.org"]),
        ("viber", ["viber.com"]));

    /// <summary>The canonical platform name for a name or alias, case-insensitive; false when the platform is unknown.</summary>
    public static bool TryCanonical(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? canonical)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Aliases.TryGetValue(name.Trim(), out canonical);
    }

    public static IReadOnlyCollection<string> Canonical => [.. Aliases.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static FrozenDictionary<string, string> Build(params (string Name, string[] Aliases)[] platforms)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, aliases) in platforms)
        {
            map[name] = name;
            foreach (var alias in aliases)
            {
                map[alias] = name;
            }
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
