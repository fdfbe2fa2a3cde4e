using System.Text.Json.Serialization;

namespace Vigil.Server.Ads;

/// <summary>The answer of <c>GET /public/ads_archive/spend</c>: groups ordered by currency, then upper sum (open-ended first), then key.</summary>
public sealed record SpendAnswer(
    [property: JsonPropertyName("group_by")] string GroupBy,
    [property: JsonPropertyName("data")] IReadOnlyList<AdvertiserSpend> Data);
