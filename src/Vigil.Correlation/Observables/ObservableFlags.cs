namespace Vigil.Correlation.Observables;

/// <summary>Things worth showing an analyst about a value. The value is kept either way.</summary>
[Flags]
public enum ObservableFlags
{
    None = 0,

    /// <summary>The host is a known URL shortener: the real target is hidden.</summary>
    Shortener = 1 << 0,

    /// <summary>The host has internationalized (punycode, <c>xn--</c>) labels.</summary>
    Punycode = 1 << 1,

    /// <summary>One label mixes Latin, Cyrillic or Greek letters.</summary>
    MixedScript = 1 << 2,

    /// <summary>The Unicode form has a Latin look-alike skeleton that differs from it (e.g. Cyrillic <c>а</c> for <c>a</c>).</summary>
    Confusable = 1 << 3,

    /// <summary>The URL host is an IP address literal.</summary>
    IpHost = 1 << 4,

    /// <summary>The URL carried user information (<c>user@host</c>); it was dropped from the key.</summary>
    UserInfo = 1 << 5,

    /// <summary>The input was defanged (<c>hxxp</c>, <c>[.]</c>) and was refanged.</summary>
    Defanged = 1 << 6,

    /// <summary>The host's suffix is not in the Public Suffix List (unknown TLD).</summary>
    UnlistedSuffix = 1 << 7,

    /// <summary>The URL uses a port other than its scheme's default.</summary>
    NonDefaultPort = 1 << 8,
}
