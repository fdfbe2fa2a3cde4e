using System.Text.Json.Nodes;
using Vigil.Core.Privacy;

namespace Vigil.Core.Tests.Privacy;

public sealed class PersonalDataDetectorTests
{
    [Theory]
    [InlineData("Write to organizer@example.org for details", PersonalDataKind.EmailAddress)]
    [InlineData("Call +1 555 010 4477 tonight", PersonalDataKind.PhoneNumber)]
    [InlineData("Call +44 20 7946 0958", PersonalDataKind.PhoneNumber)]
    [InlineData("Call (555) 010-4477", PersonalDataKind.PhoneNumber)]
    [InlineData("Posted from 203.0.113.45 at night", PersonalDataKind.IpAddress)]
    [InlineData("Posted from 2001:db8::8a2e:370:7334", PersonalDataKind.IpAddress)]
    [InlineData("Paid with 4111 1111 1111 1111", PersonalDataKind.PaymentCard)]
    [InlineData("Paid with 5500-0000-0000-0004", PersonalDataKind.PaymentCard)]
    public void Obvious_personal_data_is_found(string text, PersonalDataKind kind) =>
        Assert.Contains(kind, PersonalDataDetector.Detect(text));

    [Theory]
    [InlineData("The polling place opens at 07:00 on 2026-11-03.")]
    [InlineData("Version 1.2.3 of the tool, build 20261103")]
    [InlineData("Turnout was 1,234,567 votes in 2024")]
    [InlineData("A card-like number that fails Luhn: 4111 1111 1111 1112")]
    [InlineData("Order 1234567890123 shipped")]
    [InlineData("An @handle mention and example.org")]
    [InlineData("Time 10:30:00 and ratio 3:2")]
    public void Ordinary_text_is_not_flagged(string text) => Assert.Empty(PersonalDataDetector.Detect(text));

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("79927398713", true)]
    [InlineData("79927398710", false)]
    [InlineData("", false)]
    public void Luhn_check(string number, bool valid) => Assert.Equal(valid, Luhn.IsValid(number));

    [Fact]
    public void Findings_name_the_json_path_and_skip_structured_values()
    {
        var stix = new JsonObject
        {
            ["type"] = "observed-data",
            ["pattern"] = "[ipv4-addr:value = '198.51.100.7']",
            ["value"] = "198.51.100.8",
            ["description"] = "Leaked by voter@example.com",
            ["x_vigil_content_class"] = "public-content",
            ["x_notes"] = "paid 4111-1111-1111-1111",
            ["objects"] = new JsonObject { ["0"] = new JsonObject { ["type"] = "email-message", ["body"] = "from 203.0.113.9" } },
            ["labels"] = new JsonArray("call +1 555 010 4477"),
        };

        var findings = PersonalDataDetector.Scan(stix, "objects[3]");

        Assert.Equal(
            [
                new PersonalDataFinding(PersonalDataKind.EmailAddress, "objects[3].description"),
                new PersonalDataFinding(PersonalDataKind.PaymentCard, "objects[3].x_notes"),
                new PersonalDataFinding(PersonalDataKind.IpAddress, "objects[3].objects.0.body"),
            ],
            findings);
    }
}
