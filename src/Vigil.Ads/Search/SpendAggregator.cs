using System.Globalization;
using Vigil.Ads.Model;

namespace Vigil.Ads.Search;

/// <summary>
/// Spend aggregates by advertiser, page, region, week or topic. Ranges add bound by bound (lower with lower, upper with upper);
/// an ad without spend or currency is left out (never counted as zero). Results are ordered by currency, then by upper sum
/// (open-ended first), then key.
/// </summary>
public static class SpendAggregator
{
    public static IReadOnlyList<SpendTotal> Aggregate(IEnumerable<Ad> ads, SpendDimension dimension)
    {
        ArgumentNullException.ThrowIfNull(ads);
        var groups = new Dictionary<(string Key, string Currency), Accumulator>();
        foreach (var ad in ads)
        {
            if (ad.Spend is not { } spend || ad.Currency is not { } currency)
            {
                continue;
            }

            switch (dimension)
            {
                case SpendDimension.Advertiser:
                    Add(groups, ad.Byline ?? "(no byline)", currency, spend, 1m);
                    break;
                case SpendDimension.Page:
                    Add(groups, ad.PageName ?? ad.PageId ?? ad.AdvertiserName ?? "(no page)", currency, spend, 1m);
                    break;
                case SpendDimension.Week:
                    if (ad.DeliveryStart is { } start)
                    {
                        var date = start.UtcDateTime;
                        Add(groups, string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}"), currency, spend, 1m);
                    }

                    break;
                case SpendDimension.Topic:
                    foreach (var topic in ad.Topics)
                    {
                        Add(groups, topic, currency, spend, 1m);
                    }

                    break;
                case SpendDimension.Region:
                    foreach (var region in ad.Regions)
                    {
                        Add(groups, region.Region, currency, spend, (decimal)region.Share);
                    }

                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null);
            }
        }

        return [.. groups
            .Select(g => new SpendTotal(g.Key.Key, g.Key.Currency, g.Value.Lower, g.Value.Open ? null : g.Value.Upper, g.Value.Ads))
            .OrderBy(t => t.Currency, StringComparer.Ordinal)
            .ThenByDescending(t => t.Upper ?? decimal.MaxValue)
            .ThenBy(t => t.Key, StringComparer.Ordinal)];
    }

    private static void Add(Dictionary<(string, string), Accumulator> groups, string key, string currency, Bounds spend, decimal share)
    {
        if (!groups.TryGetValue((key, currency), out var acc))
        {
            acc = new Accumulator();
            groups[(key, currency)] = acc;
        }

        acc.Ads++;
        acc.Lower += spend.Lower * share;
        if (spend.Upper is { } upper)
        {
            acc.Upper += upper * share;
        }
        else
        {
            acc.Open = true;
        }
    }

    private sealed class Accumulator
    {
        public decimal Lower;
        public decimal Upper;
        public bool Open;
        public int Ads;
    }
}
