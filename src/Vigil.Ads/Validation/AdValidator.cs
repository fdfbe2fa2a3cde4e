using Vigil.Ads.Advertisers;
using Vigil.Ads.Model;

namespace Vigil.Ads.Validation;

/// <summary>
/// Checks an ad before it enters the archive. Content rules: disclaimer present, ranges not inverted or negative, demographic
/// shares sum to 1 ± <see cref="AdValidationLimits.ShareTolerance"/>, region shares sum to at most 1 + tolerance (a partial sum
/// is fine: an archive may keep only some regions, e.g. the 14 Czech regions sum to 0.898), known ISO 3166-1 alpha-2 country and
/// ISO 639-1 language codes, stop not before start, creatives within size limits. Submission adds the advertiser rule: verified or
/// attested, and not blocked.
/// </summary>
public sealed class AdValidator(AdValidationLimits limits)
{
    public AdValidator()
        : this(AdValidationLimits.Default)
    {
    }

    /// <summary>Every content problem of the ad; empty when it is acceptable.</summary>
    public IReadOnlyList<AdProblem> Validate(Ad ad)
    {
        ArgumentNullException.ThrowIfNull(ad);
        var problems = new List<AdProblem>();
        if (string.IsNullOrWhiteSpace(ad.Id))
        {
            problems.Add(new("id", "missing"));
        }

        if (string.IsNullOrWhiteSpace(ad.Byline))
        {
            problems.Add(new("bylines", "missing \"paid for by\" disclaimer"));
        }

        Range(problems, "spend", ad.Spend);
        Range(problems, "impressions", ad.Impressions);
        Range(problems, "estimated_audience_size", ad.EstimatedAudienceSize);
        if (ad.Spend is not null && string.IsNullOrWhiteSpace(ad.Currency))
        {
            problems.Add(new("currency", "spend is given without a currency"));
        }
        else if (ad.Currency is { } currency && !IsCurrencyShape(currency))
        {
            problems.Add(new("currency", $"'{currency}' is not a three-letter ISO 4217 code"));
        }

        if (ad.DeliveryStart is { } start && ad.DeliveryStop is { } stop && stop < start)
        {
            problems.Add(new("ad_delivery_stop_time", $"stop {stop:O} is before start {start:O}"));
        }

        Shares(problems, ad);
        foreach (var country in ad.ReachedCountries)
        {
            if (!IsoCountries.IsAlpha2(country))
            {
                problems.Add(new("ad_reached_countries", $"'{country}' is not an ISO 3166-1 alpha-2 country code"));
            }
        }

        foreach (var language in ad.Languages)
        {
            if (!IsoLanguages.IsCode(language))
            {
                problems.Add(new("languages", $"'{language}' is not an ISO 639-1 language code"));
            }
        }

        Creative(problems, "ad_creative_bodies", ad.CreativeBodies);
        Creative(problems, "ad_creative_link_titles", ad.LinkTitles);
        Creative(problems, "ad_creative_link_captions", ad.LinkCaptions);
        Creative(problems, "ad_creative_link_descriptions", ad.LinkDescriptions);
        return problems;
    }

    /// <summary>Content problems plus the advertiser rule for a submission; <paramref name="advertiser"/> null means none is registered.</summary>
    public IReadOnlyList<AdProblem> ValidateSubmission(Ad ad, Advertiser? advertiser)
    {
        var problems = new List<AdProblem>(Validate(ad));
        if (advertiser is null)
        {
            problems.Add(new("advertiser", "no registered advertiser for this ad's page or advertiser id"));
        }
        else if (advertiser.IneligibleReason is { } reason)
        {
            problems.Add(new("advertiser", reason));
        }

        return problems;
    }

    private static bool IsCurrencyShape(string code) =>
        code.Length == 3 && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]) && char.IsAsciiLetterUpper(code[2]);

    private static void Range(List<AdProblem> problems, string field, Bounds? bounds)
    {
        if (bounds is not { } b)
        {
            return;
        }

        if (b.Lower < 0)
        {
            problems.Add(new(field, $"lower bound {b.Lower} is negative"));
        }

        if (b.IsInverted)
        {
            problems.Add(new(field, $"inverted range: lower bound {b.Lower} is above upper bound {b.Upper}"));
        }
    }

    private void Shares(List<AdProblem> problems, Ad ad)
    {
        if (ad.Demographics.Count > 0)
        {
            var sum = 0.0;
            foreach (var d in ad.Demographics)
            {
                if (!(d.Share is >= 0 and <= 1))
                {
                    problems.Add(new("demographic_distribution", $"share {d.Share} for {d.Gender} {d.Age} is outside 0..1"));
                    return;
                }

                sum += d.Share;
            }

            if (Math.Abs(sum - 1) > limits.ShareTolerance)
            {
                problems.Add(new("demographic_distribution", $"shares sum to {sum:0.####}, not 1 (tolerance {limits.ShareTolerance})"));
            }
        }

        if (ad.Regions.Count > 0)
        {
            var sum = 0.0;
            foreach (var r in ad.Regions)
            {
                if (!(r.Share is >= 0 and <= 1))
                {
                    problems.Add(new("delivery_by_region", $"share {r.Share} for {r.Region} is outside 0..1"));
                    return;
                }

                sum += r.Share;
            }

            if (sum > 1 + limits.ShareTolerance)
            {
                problems.Add(new("delivery_by_region", $"shares sum to {sum:0.####}, above 1 (tolerance {limits.ShareTolerance})"));
            }
        }
    }

    private void Creative(List<AdProblem> problems, string field, IReadOnlyList<string> texts)
    {
        if (texts.Count > limits.MaxCreativeItems)
        {
            problems.Add(new(field, $"{texts.Count} items, more than the limit of {limits.MaxCreativeItems}"));
        }

        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i].Length > limits.MaxCreativeLength)
            {
                problems.Add(new(field, $"item {i + 1} is {texts[i].Length} characters, more than the limit of {limits.MaxCreativeLength}"));
            }
        }
    }
}
