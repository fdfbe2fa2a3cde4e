namespace Vigil.Correlation.Observables;

/// <summary>
/// A normalized observable value: the unit of correlation. Two objects touching the same key touch the same thing.
/// <see cref="Qualifier"/> is the hash algorithm for <see cref="ObservableKind.FileHash"/> (e.g. <c>sha256</c>) and the
/// platform for <see cref="ObservableKind.Account"/> (e.g. <c>x</c>); empty for every other kind.
/// Text form: <c>kind:value</c> or <c>kind:qualifier:value</c>, e.g. <c>file-hash:sha256:9f86…</c>.
/// Build keys through the normalizers; the constructor does not normalize.
/// </summary>
public readonly record struct ObservableKey(ObservableKind Kind, string Qualifier, string Value)
{
    public override string ToString() => ObservableKinds.HasQualifier(Kind)
        ? string.Concat(ObservableKinds.Name(Kind), ":", Qualifier, ":", Value)
        : string.Concat(ObservableKinds.Name(Kind), ":", Value);

    /// <summary>Parses the text form written by <see cref="ToString"/> (no normalization is applied).</summary>
    public static ObservableKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !ObservableKinds.TryParse(text.AsSpan(0, colon), out var kind))
        {
            throw new FormatException($"Observable key '{text}' does not start with a known kind followed by ':'.");
        }

        var rest = text[(colon + 1)..];
        if (!ObservableKinds.HasQualifier(kind))
        {
            return rest.Length > 0 ? new ObservableKey(kind, string.Empty, rest) : throw new FormatException($"Observable key '{text}' has an empty value.");
        }

        var second = rest.IndexOf(':', StringComparison.Ordinal);
        return second > 0 && second < rest.Length - 1
            ? new ObservableKey(kind, rest[..second], rest[(second + 1)..])
            : throw new FormatException($"Observable key '{text}' needs the form {ObservableKinds.Name(kind)}:qualifier:value.");
    }
}
