using System.Globalization;
using Microsoft.AspNetCore.Http;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Markings;
using Vigil.Media.Index;
using Vigil.Media.Pdq;
using Vigil.Media.Video;

namespace Vigil.Server.Media;

/// <summary>
/// The query parameters of <c>POST /api/media/match</c>: <c>distance</c> (0..128, default 31), <c>record_sighting</c>
/// (default true), <c>collection</c> and <c>tlp</c> for the recorded sightings, and for video bank entries
/// <c>target_match_percent</c> (default 80) and <c>query_match_percent</c> (default 0).
/// </summary>
public sealed record MediaMatchRequest
{
    public int Distance { get; init; } = IHashIndex.DefaultMaxDistance;

    public bool RecordSighting { get; init; } = true;

    /// <summary>Where every sighting goes; null: the collection each matched indicator was seen in.</summary>
    public string? Collection { get; init; }

    /// <summary>The sightings' TLP; null: the matched indicator's own.</summary>
    public TlpLevel? Tlp { get; init; }

    public double TargetMatchPercent { get; init; } = VpdqMatchOptions.Default.TargetMatchPercent;

    public double QueryMatchPercent { get; init; } = VpdqMatchOptions.Default.QueryMatchPercent;

    public VpdqMatchOptions VpdqOptions => VpdqMatchOptions.Default with
    {
        MaxDistance = Distance,
        TargetMatchPercent = TargetMatchPercent,
        QueryMatchPercent = QueryMatchPercent,
    };

    /// <summary>Reads the query string; every parameter that is wrong is named in <paramref name="errors"/>.</summary>
    public static MediaMatchRequest Parse(IQueryCollection query, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = new MediaMatchRequest();
        if (query["distance"] is { Count: > 0 } distanceText)
        {
            if (int.TryParse(distanceText.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var distance) && distance is >= 0 and <= PdqHash.BitCount / 2)
            {
                request = request with { Distance = distance };
            }
            else
            {
                errors["distance"] = ["must be an integer from 0 to 128"];
            }
        }

        if (query["record_sighting"] is { Count: > 0 } recordText)
        {
            switch (recordText.ToString().Trim().ToLowerInvariant())
            {
                case "true" or "1" or "yes":
                    break;
                case "false" or "0" or "no":
                    request = request with { RecordSighting = false };
                    break;
                default:
                    errors["record_sighting"] = ["must be true or false"];
                    break;
            }
        }

        if (query["collection"] is { Count: > 0 } collection)
        {
            request = string.IsNullOrWhiteSpace(collection.ToString())
                ? request
                : request with { Collection = collection.ToString().Trim() };
        }

        if (query["tlp"] is { Count: > 0 } tlpText)
        {
            var level = Enum.GetValues<TlpLevel>().Cast<TlpLevel?>()
                .FirstOrDefault(l => TlpMarkings.Tlp2Value(l!.Value).Equals(tlpText.ToString().Trim(), StringComparison.OrdinalIgnoreCase));
            if (level is null)
            {
                errors["tlp"] = ["must be clear, green, amber, amber+strict or red"];
            }
            else
            {
                request = request with { Tlp = level };
            }
        }

        request = request with
        {
            TargetMatchPercent = Percent(query, "target_match_percent", request.TargetMatchPercent, errors),
            QueryMatchPercent = Percent(query, "query_match_percent", request.QueryMatchPercent, errors),
        };
        return request;
    }

    private static double Percent(IQueryCollection query, string name, double fallback, Dictionary<string, string[]> errors)
    {
        if (query[name] is not { Count: > 0 } text)
        {
            return fallback;
        }

        if (double.TryParse(text.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100)
        {
            return value;
        }

        errors[name] = ["must be a number from 0 to 100"];
        return fallback;
    }
}
