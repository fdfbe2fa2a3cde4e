using Vigil.Core.Stix;

namespace Vigil.Core.Tests.Stix;

public sealed class StixTimestampTests
{
    [Theory]
    [InlineData("2016-01-20T12:31:12Z", "2016-01-20T12:31:12.0000000Z")]
    [InlineData("2016-01-20T12:31:12.123Z", "2016-01-20T12:31:12.1230000Z")]
    [InlineData("2016-01-20T12:31:12.1234567891Z", "2016-01-20T12:31:12.1234567Z")]
    [InlineData("2024-02-29T23:59:59.9Z", "2024-02-29T23:59:59.9000000Z")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000Z")]
    public void Valid_timestamps_parse_to_utc_and_keep_their_text(string text, string roundTrip)
    {
        Assert.True(StixTimestamp.TryParse(text, out var ts));
        Assert.Equal(text, ts.Text);
        Assert.Equal(DateTimeKind.Utc, ts.Utc.Kind);
        Assert.Equal(roundTrip, ts.Utc.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2016-01-20T12:31:12")]
    [InlineData("2016-01-20t12:31:12Z")]
    [InlineData("2016-01-20T12:31:12z")]
    [InlineData("2016-01-20T12:31:12.Z")]
    [InlineData("2016-01-20T12:31:12,5Z")]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2016-04-31T00:00:00Z")]
    [InlineData("2016-00-10T00:00:00Z")]
    [InlineData("2016-01-20T24:00:00Z")]
    [InlineData("2016-01-20T12:60:00Z")]
    [InlineData("2016-01-20T12:00:60Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2016-1-20T12:31:12.5Z")]
    [InlineData("+2016-01-20T12:31:12Z")]
    [InlineData("2016-01-20T12:31:12+00:00")]
    [InlineData("2016-01-20T12:31:1aZ")]
    public void Invalid_timestamps_are_refused(string? text)
    {
        Assert.False(StixTimestamp.TryParse(text, out _));
    }

    [Fact]
    public void Versions_order_by_instant_not_by_text()
    {
        var a = StixTimestamp.Parse("2016-01-20T12:31:12Z");
        var b = StixTimestamp.Parse("2016-01-20T12:31:12.000Z");

        Assert.Equal(0, a.CompareTo(b));
        Assert.True(a >= b && a <= b);
        Assert.NotEqual(a, b);
    }
}
