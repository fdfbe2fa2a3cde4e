using System.Collections.Frozen;

namespace Vigil.Correlation.Observables;

/// <summary>
/// Recognizes links to social-media profiles (<c>https://twitter.com/SomeBot/status/1</c>, <c>https://www.youtube.com/@name</c>,
/// <c>https://t.me/s/channel</c>, <c>https://www.facebook.com/profile.php?id=4</c>…) and gives the account they point to, so a
/// shared link correlates with the same account reported as a handle. Paths that are site features rather than profiles
/// (<c>/search</c>, <c>/explore</c>, <c>/watch</c>…) give nothing.
/// </summary>
public static class ProfileUrls
{
    private static readonly FrozenSet<string> Reserved = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "home", "search", "explore", "i", "intent", "share", "sharer", "sharer.php", "hashtag", "settings", "messages",
        "notifications", "login", "signup", "about", "help", "privacy", "terms", "p", "reel", "reels", "tv", "accounts", "stories",
        "watch", "results", "feed", "playlist", "shorts", "embed", "groups", "events", "pages", "photo", "photo.php", "story.php",
        "permalink.php", "people", "video", "videos", "wall", "joinchat", "addstickers", "tag", "discover", "legal", "policies",
        "r", "status", "compose", "live", "gaming", "music", "channel", "c", "user", "u", "in", "company", "profile", "group",
    ]);

    /// <summary>The account a profile URL points to; <paramref name="host"/> may keep its <c>www.</c>/<c>m.</c> prefix.</summary>
    public static bool TryGetAccount(string host, string path, string? query, out ObservableKey account)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(path);
        account = default;
        var site = StripPrefix(host.ToLowerInvariant());
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return false;
        }

        var first = segments[0];
        var second = segments.Length > 1 ? segments[1] : null;
        (string Platform, string Value, bool IsId)? found = site switch
        {
            "twitter.com" or "x.com" => Handle("x", first),
            "instagram.com" => first.Equals("stories", StringComparison.OrdinalIgnoreCase) && second is not null ? ("instagram", second, false) : Handle("instagram", first),
            "threads.net" or "threads.com" or "tiktok.com" or "truthsocial.com" => first.StartsWith('@') && first.Length > 1 ? (Platform(site), first[1..], false) : null,
            "facebook.com" or "fb.com" => Facebook(first, segments, query),
            "youtube.com" => first.StartsWith('@') && first.Length > 1 ? ("youtube", first[1..], false)
                : first == "channel" && second is not null ? ("youtube", second, true)
                : first is "c" or "user" && second is not null ? ("youtube", second, false) : null,
            "t.me" or "telegram.me" => first == "s" && second is not null ? ("telegram", second, false) : first.StartsWith('+') ? null : Handle("telegram", first),
            "vk.com" => first.StartsWith("id", StringComparison.Ordinal) && first.Length > 2 && IsDigits(first.AsSpan(2)) ? ("vk", first[2..], true)
                : first.StartsWith("club", StringComparison.Ordinal) && first.Length > 4 && IsDigits(first.AsSpan(4)) ? ("vk", "-" + first[4..], true)
                : Handle("vk", first),
            "ok.ru" => first is "profile" or "group" && second is not null ? ("ok", second, true) : Handle("ok", first),
            "rutube.ru" => first == "channel" && second is not null ? ("rutube", second, true) : null,
            "linkedin.com" => first is "company" or "in" or "school" && second is not null ? ("linkedin", second, false) : null,
            "bsky.app" => first == "profile" && second is not null ? ("bluesky", second, false) : null,
            "reddit.com" => first is "user" or "u" && second is not null ? ("reddit", second, false) : null,
            "rumble.com" => first is "c" or "user" && second is not null ? ("rumble", second, false) : null,
            _ => null,
        };
        if (found is not { } f || f.Value.Length == 0)
        {
            return false;
        }

        try
        {
            var value = Uri.UnescapeDataString(f.Value);
            account = f.IsId ? AccountNormalizer.UserId(f.Platform, value) : AccountNormalizer.Handle(f.Platform, value);
            return true;
        }
        catch (ObservableFormatException)
        {
            return false;
        }
    }

    /// <summary>The account of a normalized URL, when it is a profile link.</summary>
    public static bool TryGetAccount(NormalizedUrl url, out ObservableKey account)
    {
        ArgumentNullException.ThrowIfNull(url);
        account = default;
        var text = url.Url;
        var pathStart = text.IndexOf('/', url.Scheme.Length + 3);
        if (pathStart < 0)
        {
            return false;
        }

        var question = text.IndexOf('?', pathStart);
        var path = question < 0 ? text[pathStart..] : text[pathStart..question];
        var query = question < 0 ? null : text[(question + 1)..];
        return TryGetAccount(url.Host, path, query, out account);
    }

    private static (string, string, bool)? Handle(string platform, string segment) =>
        Reserved.Contains(segment) || IsFile(segment) ? null : (platform, segment, false);

    private static bool IsFile(string segment) =>
        segment.EndsWith(".php", StringComparison.OrdinalIgnoreCase) || segment.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
        || segment.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || segment.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
        || segment.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    private static (string, string, bool)? Facebook(string first, string[] segments, string? query)
    {
        if (first == "profile.php" && query is not null)
        {
            foreach (var pair in query.Split('&'))
            {
                if (pair.StartsWith("id=", StringComparison.Ordinal) && pair.Length > 3)
                {
                    return ("facebook", pair[3..], true);
                }
            }

            return null;
        }

        if (first is "pages" or "people" && segments.Length >= 3 && IsDigits(segments[2]))
        {
            return ("facebook", segments[2], true);
        }

        return Reserved.Contains(first) || IsFile(first) ? null : ("facebook", first, false);
    }

    private static string Platform(string site) => site switch
    {
        "threads.net" or "threads.com" => "threads",
        "tiktok.com" => "tiktok",
        _ => "truthsocial",
    };

    private static string StripPrefix(string host)
    {
        foreach (var prefix in (ReadOnlySpan<string>)["www.", "m.", "mobile.", "web.", "mbasic."])
        {
            if (host.StartsWith(prefix, StringComparison.Ordinal))
            {
                return host[prefix.Length..];
            }
        }

        return host;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return !text.IsEmpty;
    }
}
