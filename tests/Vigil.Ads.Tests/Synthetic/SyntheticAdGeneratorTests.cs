using Vigil.Ads.Synthetic;
using Vigil.Ads.Validation;

namespace Vigil.Ads.Tests.Synthetic;

public sealed class SyntheticAdGeneratorTests
{
    [Fact]
    public void Same_seed_gives_the_same_ads_and_every_ad_is_valid()
    {
        var options = new SyntheticAdOptions { Advertisers = 500, Ads = 3000 };
        var first = new SyntheticAdGenerator(options).Ads().ToList();
        var second = new SyntheticAdGenerator(options).Ads().ToList();
        var other = new SyntheticAdGenerator(options with { Seed = 7 }).Ads().First();

        Assert.Equal(first.Select(a => (a.Id, a.Byline, a.CreativeBodies[0])), second.Select(a => (a.Id, a.Byline, a.CreativeBodies[0])));
        Assert.NotEqual(first[0].CreativeBodies[0], other.CreativeBodies[0]);
        var validator = new AdValidator();
        Assert.All(first, a => Assert.Empty(validator.Validate(a)));
        Assert.True(first.Select(a => a.Languages[0]).Distinct().Count() >= 7);
        Assert.True(first.GroupBy(a => a.AdvertiserId).Max(g => g.Count()) > 10 * 3000 / 500, "ads should be skewed to heavy advertisers");
    }
}
