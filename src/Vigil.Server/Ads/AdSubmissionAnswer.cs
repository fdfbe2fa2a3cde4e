using System.Text.Json.Serialization;
using Vigil.Ads.Submission;

namespace Vigil.Server.Ads;

/// <summary>What a submission did: ads created, new versions, unchanged, and every rejection with its row, line, ad id, field and reason.</summary>
public sealed record AdSubmissionAnswer(
    [property: JsonPropertyName("created")] int Created,
    [property: JsonPropertyName("new_versions")] int NewVersions,
    [property: JsonPropertyName("unchanged")] int Unchanged,
    [property: JsonPropertyName("rejected")] int Rejected,
    [property: JsonPropertyName("rejections")] IReadOnlyList<AdRejectionAnswer> Rejections)
{
    public static AdSubmissionAnswer From(AdSubmissionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Created, summary.NewVersions, summary.Unchanged, summary.Rejections.Select(r => r.Row).Distinct().Count(),
            [.. summary.Rejections.Select(r => new AdRejectionAnswer(r.Row, r.Line, r.AdId, r.Field, r.Reason))]);
    }
}

/// <summary>One rejection: row (position in the submission), line of the body, the ad's id when readable, field and reason.</summary>
public sealed record AdRejectionAnswer(
    [property: JsonPropertyName("row")] int Row,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("ad_id")] string? AdId,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("reason")] string Reason);
