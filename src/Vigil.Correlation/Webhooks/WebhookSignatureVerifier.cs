using System.Globalization;
using System.Security.Cryptography;

namespace Vigil.Correlation.Webhooks;

/// <summary>
/// Checks a <c>Vigil-Signature</c> header for receivers (and tests): the timestamp must be within <c>tolerance</c> of now, and
/// one <c>v1</c> signature must equal the HMAC of <c>{t}.{body}</c> under one of the secrets (compared in constant time).
/// Unknown schemes in the header are ignored so a later scheme can be added beside <c>v1</c>.
/// </summary>
public static class WebhookSignatureVerifier
{
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static WebhookVerification Verify(string? header, ReadOnlySpan<byte> body, ReadOnlySpan<byte> secret, DateTimeOffset now, TimeSpan? tolerance = null) =>
        Verify(header, body, [secret.ToArray()], now, tolerance);

    public static WebhookVerification Verify(string? header, ReadOnlySpan<byte> body, IReadOnlyList<byte[]> secrets, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (string.IsNullOrWhiteSpace(header))
        {
            return WebhookVerification.MissingHeader;
        }

        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return WebhookVerification.Malformed;
            }

            var name = part[..equals];
            var value = part[(equals + 1)..];
            if (name == "t")
            {
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || timestamp is not null)
                {
                    return WebhookVerification.Malformed;
                }

                timestamp = seconds;
            }
            else if (name == WebhookSigner.Scheme)
            {
                if (value.Length != 64)
                {
                    return WebhookVerification.Malformed;
                }

                try
                {
                    signatures.Add(Convert.FromHexString(value));
                }
                catch (FormatException)
                {
                    return WebhookVerification.Malformed;
                }
            }
        }

        if (timestamp is null || signatures.Count == 0)
        {
            return WebhookVerification.Malformed;
        }

        var age = now.ToUnixTimeSeconds() - timestamp.Value;
        if (Math.Abs(age) > (tolerance ?? DefaultTolerance).TotalSeconds)
        {
            return WebhookVerification.TimestampOutsideTolerance;
        }

        foreach (var secret in secrets)
        {
            var expected = WebhookSigner.Compute(body, secret, timestamp.Value);
            foreach (var signature in signatures)
            {
                if (CryptographicOperations.FixedTimeEquals(expected, signature))
                {
                    return WebhookVerification.Valid;
                }
            }
        }

        return WebhookVerification.SignatureMismatch;
    }
}
