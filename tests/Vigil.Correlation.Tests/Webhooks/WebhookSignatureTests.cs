using System.Text;
using Vigil.Correlation.Webhooks;

namespace Vigil.Correlation.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("whsec_test_secret");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event":"alert","id":"evt-1"}""");
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Signature_round_trips()
    {
        var header = WebhookSigner.Sign(Body, Secret, Now);
        Assert.Matches("^t=[0-9]+,v1=[0-9a-f]{64}$", header);
        Assert.Equal(WebhookVerification.Valid, WebhookSignatureVerifier.Verify(header, Body, Secret, Now.AddSeconds(30)));
    }

    [Fact]
    public void Signature_matches_an_independent_hmac_over_timestamp_dot_body()
    {
        var header = WebhookSigner.Sign(Body, Secret, Now);
        var payload = Encoding.UTF8.GetBytes($"{Now.ToUnixTimeSeconds()}.").Concat(Body).ToArray();
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Secret, payload));
        Assert.EndsWith("v1=" + expected, header, StringComparison.Ordinal);
    }

    [Fact]
    public void Tampered_body_is_rejected()
    {
        var header = WebhookSigner.Sign(Body, Secret, Now);
        var tampered = (byte[])Body.Clone();
        tampered[^3] ^= 1;
        Assert.Equal(WebhookVerification.SignatureMismatch, WebhookSignatureVerifier.Verify(header, tampered, Secret, Now));
    }

    [Fact]
    public void Tampered_timestamp_is_rejected()
    {
        var header = WebhookSigner.Sign(Body, Secret, Now);
        var shifted = header.Replace($"t={Now.ToUnixTimeSeconds()}", $"t={Now.ToUnixTimeSeconds() + 1}", StringComparison.Ordinal);
        Assert.Equal(WebhookVerification.SignatureMismatch, WebhookSignatureVerifier.Verify(shifted, Body, Secret, Now));
    }

    [Fact]
    public void Wrong_secret_is_rejected() =>
        Assert.Equal(WebhookVerification.SignatureMismatch, WebhookSignatureVerifier.Verify(WebhookSigner.Sign(Body, Secret, Now), Body, "other"u8, Now));

    [Fact]
    public void Old_delivery_is_rejected_as_a_replay()
    {
        var header = WebhookSigner.Sign(Body, Secret, Now);
        Assert.Equal(WebhookVerification.TimestampOutsideTolerance, WebhookSignatureVerifier.Verify(header, Body, Secret, Now.AddMinutes(6)));
        Assert.Equal(WebhookVerification.Valid, WebhookSignatureVerifier.Verify(header, Body, Secret, Now.AddMinutes(6), TimeSpan.FromMinutes(10)));
    }

    [Theory]
    [InlineData(null, WebhookVerification.MissingHeader)]
    [InlineData("", WebhookVerification.MissingHeader)]
    [InlineData("garbage", WebhookVerification.Malformed)]
    [InlineData("t=abc,v1=00", WebhookVerification.Malformed)]
    [InlineData("t=1", WebhookVerification.Malformed)]
    [InlineData("v1=0000000000000000000000000000000000000000000000000000000000000000", WebhookVerification.Malformed)]
    public void Malformed_header_is_rejected(string? header, WebhookVerification expected) =>
        Assert.Equal(expected, WebhookSignatureVerifier.Verify(header, Body, Secret, Now));

    [Fact]
    public void Rotated_secrets_both_verify_during_the_overlap()
    {
        var next = Encoding.UTF8.GetBytes("whsec_next");
        var header = WebhookSigner.Sign(Body, [Secret, next], Now);
        Assert.Equal(WebhookVerification.Valid, WebhookSignatureVerifier.Verify(header, Body, next, Now));
        Assert.Equal(WebhookVerification.Valid, WebhookSignatureVerifier.Verify(header, Body, Secret, Now));
    }
}
