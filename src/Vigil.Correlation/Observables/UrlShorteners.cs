using System.Collections.Frozen;

namespace Vigil.Correlation.Observables;

/// <summary>Well-known URL shortener hosts. A shortened URL hides its target, so correlation flags it.</summary>
public static class UrlShorteners
{
    private static readonly FrozenSet<string> Hosts = FrozenSet.Create(StringComparer.Ordinal,
    [
        "bit.ly", "bitly.com", "j.mp", "t.co", "tinyurl.com", "ow.ly", "buff.ly", "goo.gl", "is.gd", "v.gd", "rb.gy",
        "cutt.ly", "shorturl.at", "t.ly", "tiny.cc", "rebrand.ly", "lnkd.in", "fb.me", "dlvr.it", "ift.tt", "trib.al",
        "s.id", "bl.ink", "shorte.st", "adf.ly", "amzn.to", "wp.me", "po.st", "su.pr", "mcaf.ee", "tr.im", "clck.ru",
        "vk.cc", "u.to", "qr.ae", "x.co", "tiny.one", "shorturl.com", "soo.gd", "short.io", "surl.li", "linktr.ee",
        "snip.ly", "bitly.ws", "t2m.io", "zpr.io", "cli.re", "urlz.fr", "aka.ms", "y2u.be", "tinyurl.is",
    ]);

    /// <summary>Whether a lowercase ASCII host (or its <c>www.</c> form) is a shortener.</summary>
    public static bool IsShortener(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return Hosts.Contains(host) || (host.StartsWith("www.", StringComparison.Ordinal) && Hosts.Contains(host[4..]));
    }

    public static IReadOnlyCollection<string> All => Hosts;
}
