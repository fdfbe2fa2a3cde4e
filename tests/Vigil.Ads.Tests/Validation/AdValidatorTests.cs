using Vigil.Ads.Advertisers;
using Vigil.Ads.Model;
using Vigil.Ads.Validation;

namespace Vigil.Ads.Tests.Validation;

public sealed class AdValidatorTests
{
    private readonly AdValidator _validator = new();

    [Fact]
    public void Valid_ad_has_no_problems() => Assert.Empty(_validator.Validate(TestAds.Valid()));

    [Fact]
    public void Partial_region_shares_are_accepted_but_demographics_must_sum_to_one()
    {
        var partial = TestAds.Valid() with { Regions = [new("Prague", 0.5), new("Brno", 0.398)] };
        Assert.Empty(_validator.Validate(partial));

        var over = TestAds.Valid() with { Regions = [new("Prague", 0.7), new("Brno", 0.4)] };
        Assert.Equal("delivery_by_region", Assert.Single(_validator.Validate(over)).Field);

        var demographics = TestAds.Valid() with { Demographics = [new("18-24", "female", 0.45), new("18-24", "male", 0.45)] };
        Assert.Equal("demographic_distribution", Assert.Single(_validator.Validate(demographics)).Field);

        var rounded = TestAds.Valid() with { Demographics = [new("18-24", "female", 0.502), new("18-24", "male", 0.502)] };
        Assert.Empty(_validator.Validate(rounded));
    }

    [Theory]
    [InlineData("bylines")]
    [InlineData("spend")]
    [InlineData("ad_reached_countries")]
    [InlineData("languages")]
    [InlineData("ad_delivery_stop_time")]
    [InlineData("ad_creative_link_titles")]
    [InlineData("currency")]
    public void Each_bad_field_is_named(string field)
    {
        var ad = field switch
        {
            "bylines" => TestAds.Valid() with { Byline = " " },
            "spend" => TestAds.Valid() with { Spend = new Bounds(200, 100) },
            "ad_reached_countries" => TestAds.Valid() with { ReachedCountries = ["XK"] },
            "languages" => TestAds.Valid() with { Languages = ["english"] },
            "ad_delivery_stop_time" => TestAds.Valid() with { DeliveryStop = new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero) },
            "ad_creative_link_titles" => TestAds.Valid() with { LinkTitles = [new string('x', 32_769)] },
            _ => TestAds.Valid() with { Currency = "euro" },
        };

        Assert.Equal(field, Assert.Single(_validator.Validate(ad)).Field);
    }

    [Fact]
    public void Submission_needs_a_verified_or_attested_unblocked_advertiser()
    {
        var advertiser = new Advertiser { Id = "a", LegalName = "A", Country = "DE", Disclaimer = "Citizens for Testing" };
        var at = DateTimeOffset.UnixEpoch;
        var ad = TestAds.Valid();

        Assert.Contains("neither verified nor attested", Assert.Single(_validator.ValidateSubmission(ad, advertiser)).Reason, StringComparison.Ordinal);
        Assert.Equal("advertiser", Assert.Single(_validator.ValidateSubmission(ad, null)).Field);
        Assert.Empty(_validator.ValidateSubmission(ad, AdvertiserVerification.Attest(advertiser, "meta", "META-123", at)));
        var verified = AdvertiserVerification.Transition(advertiser, VerificationState.Verified, "reviewer-1", at);
        Assert.Empty(_validator.ValidateSubmission(ad, verified));
        var blocked = verified with { Block = new AdvertiserBlock("rt.com is labelled state-affiliated media", at, StateMediaPolicy.PolicyName) };
        Assert.Contains("rt.com", Assert.Single(_validator.ValidateSubmission(ad, blocked)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Iso_tables_have_every_assigned_code_and_map_snap_country_names()
    {
        Assert.Equal(249, IsoCountries.Count);
        Assert.Equal(183, IsoLanguages.Count);
        Assert.True(IsoCountries.TryFromEnglishName("united states", out var us));
        Assert.Equal("US", us);
        Assert.True(IsoCountries.TryFromEnglishName("Czech Republic", out var cz));
        Assert.Equal("CZ", cz);
        Assert.False(IsoCountries.TryFromEnglishName("atlantis", out _));
        Assert.False(IsoCountries.IsAlpha2("us"));
        Assert.False(IsoLanguages.IsCode("EN"));
    }
}
