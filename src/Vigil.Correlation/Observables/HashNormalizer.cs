namespace Vigil.Correlation.Observables;

/// <summary>
/// File hash keys: qualifier = algorithm in lowercase without dashes (<c>md5</c>, <c>sha1</c>, <c>sha256</c>, <c>sha512</c>,
/// <c>sha3256</c>, <c>sha3512</c>), value = lowercase hex of the algorithm's exact length. STIX names (<c>SHA-256</c>) are
/// accepted. PDQ hashes (256 bits, 64 hex) get their own kind because they are matched by distance, not equality.
/// SSDEEP and TLSH are fuzzy hashes kept as given (trimmed) under their own qualifier.
/// </summary>
public static class HashNormalizer
{
    public static ObservableKey Normalize(string algorithm, string value)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        ArgumentNullException.ThrowIfNull(value);
        var name = algorithm.Trim().Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        var hexLength = name switch
        {
            "md5" => 32,
            "sha1" => 40,
            "sha224" or "sha3224" => 56,
            "sha256" or "sha3256" or "pdq" => 64,
            "sha384" or "sha3384" => 96,
            "sha512" or "sha3512" => 128,
            "ssdeep" or "tlsh" => 0,
            _ => -1,
        };
        if (hexLength < 0)
        {
            throw new ObservableFormatException(ObservableKind.FileHash, value, $"unknown hash algorithm '{algorithm}'");
        }

        var text = value.Trim();
        if (hexLength == 0)
        {
            return text.Length is > 0 and <= 512
                ? new ObservableKey(ObservableKind.FileHash, name, text)
                : throw new ObservableFormatException(ObservableKind.FileHash, value, $"a {name} hash is 1-512 characters");
        }

        var kind = name == "pdq" ? ObservableKind.Pdq : ObservableKind.FileHash;
        if (text.Length != hexLength)
        {
            throw new ObservableFormatException(kind, value, $"a {algorithm} hash has {hexLength} hex digits, not {text.Length}");
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiHexDigit(text[i]))
            {
                throw new ObservableFormatException(kind, value, $"character '{text[i]}' at position {i + 1} is not a hex digit");
            }
        }

        return new ObservableKey(kind, kind == ObservableKind.Pdq ? string.Empty : name, text.ToLowerInvariant());
    }
}
