using System.Globalization;
using Vigil.Ads.Model;
using Vigil.Server.Ads;

namespace Vigil.Server.Web.Ads;

/// <summary>How the library pages write ranges, amounts and dates.</summary>
public static class AdText
{
    /// <summary>A reported range: one figure when exact, <c>lower–upper</c>, or <c>lower+</c> when open-ended.</summary>
    public static string Range(Bounds? bounds) => bounds switch
    {
        null => "not reported",
        { IsExact: true } b => Number(b.Lower),
        { Upper: null } b => Number(b.Lower) + "+",
        { } b => Number(b.Lower) + "–" + Number(b.Upper.Value),
    };

    public static string Money(Bounds? spend, string? currency) =>
        spend is null ? "not reported" : Range(spend) + (currency is null ? string.Empty : " " + currency);

    /// <summary>A spend sum: the lower and upper sums, or <c>lower+</c> when one ad's range has no top.</summary>
    public static string Sum(AdvertiserSpend spend)
    {
        ArgumentNullException.ThrowIfNull(spend);
        var lower = Amount(spend.Lower);
        var range = spend.Upper is { } upper ? (upper == spend.Lower ? lower : lower + "–" + Amount(upper)) : lower + "+";
        return range + " " + spend.Currency;
    }

    public static string Amount(decimal value) => Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset? date) => date is { } d ? d.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    /// <summary>Delivery as <c>start – stop</c>, with "ongoing" for an ad without a stop.</summary>
    public static string Delivery(Ad ad)
    {
        ArgumentNullException.ThrowIfNull(ad);
        return ad.DeliveryStart is null && ad.DeliveryStop is null
            ? "not reported"
            : Day(ad.DeliveryStart) + " – " + (ad.DeliveryStop is null ? "ongoing" : Day(ad.DeliveryStop));
    }

    public static string Share(double share) => share.ToString("P1", CultureInfo.InvariantCulture);
}
