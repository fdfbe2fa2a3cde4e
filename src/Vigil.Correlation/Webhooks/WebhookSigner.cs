using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Correlation.Webhooks;

/// <summary>
/// Signs webhook bodies: HMAC-SHA256 with the subscriber's secret over <c>{unix seconds}.{body bytes}</c>, sent as
/// <c>Vigil-Signature: t={unix seconds},v1={lowercase hex}</c>. The timestamp is inside the MAC so a captured delivery
/// cannot be replayed later than the receiver's tolerance.
/// </summary>
public static class WebhookSigner
{
    public const string Scheme = "v1";

    public static string Sign(ReadOnlySpan<byte> body, ReadOnlySpan<byte> secret, DateTimeOffset timestamp) =>
        Header(timestamp.ToUnixTimeSeconds(), Compute(body, secret, timestamp.ToUnixTimeSeconds()));

    /// <summary>A header carrying one signature per secret, for the overlap while a secret is rotated.</summary>
    public static string Sign(ReadOnlySpan<byte> body, IReadOnlyList<byte[]> secrets, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var seconds = timestamp.ToUnixTimeSeconds();
        var builder = new StringBuilder("t=").Append(seconds.ToString(CultureInfo.InvariantCulture));
        foreach (var secret in secrets)
        {
            builder.Append(',').Append(Scheme).Append('=').Append(Convert.ToHexStringLower(Compute(body, secret, seconds)));
        }

        return builder.ToString();
    }

    internal static byte[] Compute(ReadOnlySpan<byte> body, ReadOnlySpan<byte> secret, long unixSeconds)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        Span<byte> prefix = stackalloc byte[24];
        unixSeconds.TryFormat(prefix, out var written, default, CultureInfo.InvariantCulture);
        prefix[written++] = (byte)'.';
        hmac.AppendData(prefix[..written]);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static string Header(long seconds, byte[] mac) =>
        string.Concat("t=", seconds.ToString(CultureInfo.InvariantCulture), ",", Scheme, "=", Convert.ToHexStringLower(mac));
}
