namespace Vigil.Correlation.Observables;

/// <summary>
/// Account keys: qualifier = canonical platform (<see cref="Platforms"/>), value = the handle lowercased without a leading
/// <c>@</c> (or <c>u/</c>, <c>/u/</c> on Reddit), or <c>id:</c> followed by the platform's numeric or opaque user id.
/// Handles are compared case-insensitively on every listed platform, so lowercasing never merges two different accounts.
/// Ids are kept as given (they may be case-sensitive, e.g. YouTube channel ids). An unknown platform is an error that names it.
/// </summary>
public static class AccountNormalizer
{
    public static ObservableKey Handle(string platform, string handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var canonical = Platform(platform, handle);
        var text = handle.Trim();
        if (canonical == "reddit")
        {
            text = text.StartsWith("/u/", StringComparison.OrdinalIgnoreCase) ? text[3..]
                : text.StartsWith("u/", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        }

        if (text.StartsWith('@'))
        {
            // "@user" and, on Mastodon, "@user@instance" both drop the leading '@'.
            text = text[1..];
        }

        if (text.Length == 0)
        {
            throw new ObservableFormatException(ObservableKind.Account, handle, "the handle is empty");
        }

        if (text.Length > 256 || text.AsSpan().ContainsAny(" \t\r\n/"))
        {
            throw new ObservableFormatException(ObservableKind.Account, handle, "a handle has no spaces or '/' and is at most 256 characters");
        }

        return new ObservableKey(ObservableKind.Account, canonical, text.ToLowerInvariant());
    }

    public static ObservableKey UserId(string platform, string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var canonical = Platform(platform, userId);
        var text = userId.Trim();
        if (text.Length == 0 || text.Length > 256 || text.AsSpan().ContainsAny(" \t\r\n"))
        {
            throw new ObservableFormatException(ObservableKind.Account, userId, "a user id is 1-256 characters without spaces");
        }

        return new ObservableKey(ObservableKind.Account, canonical, "id:" + text);
    }

    private static string Platform(string platform, string value)
    {
        ArgumentNullException.ThrowIfNull(platform);
        if (platform.Trim().Length == 0)
        {
            throw new ObservableFormatException(ObservableKind.Account, value, "the platform is missing");
        }

        return Platforms.TryCanonical(platform, out var canonical)
            ? canonical
            : throw new ObservableFormatException(ObservableKind.Account, value, $"unknown platform '{platform}'");
    }
}
