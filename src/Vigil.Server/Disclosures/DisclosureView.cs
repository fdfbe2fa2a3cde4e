using System.Text.Json.Nodes;
using Vigil.Storage.Disclosures;

namespace Vigil.Server.Disclosures;

/// <summary>
/// A disclosure as the public reads it: no case id (a case is its parties' business), the publishing organization by
/// name, how the dataset's identifiers are given and where to download it, and the published STIX objects (TLP:CLEAR).
/// </summary>
public sealed record DisclosureView
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Narrative { get; init; }
    public string? Actor { get; init; }
    public required string Publisher { get; init; }
    public required DisclosureCounts Counts { get; init; }
    public DateOnly? ActivityFrom { get; init; }
    public DateOnly? ActivityTo { get; init; }
    public required IReadOnlyList<string> Samples { get; init; }
    public required string Identifiers { get; init; }
    public required string IdentifiersNote { get; init; }
    public required long DatasetAccounts { get; init; }
    public required string DatasetUrl { get; init; }
    public required string Url { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
    public IReadOnlyList<JsonNode> Objects { get; init; } = [];

    public const string HashedNote = "Account ids and handles are HMAC-SHA256 digests (hex) keyed with a secret of this hub: the same account has " +
        "the same digest in every disclosure here, but a digest cannot be reversed or checked against a guess without the secret. " +
        "Handles are hashed without their @ and case-folded.";

    public const string PublicNote = "The publisher marked the account ids and handles public; they are given as published.";

    public static DisclosureView From(Disclosure disclosure, string publisher, bool withObjects)
    {
        ArgumentNullException.ThrowIfNull(disclosure);
        return new DisclosureView
        {
            Id = disclosure.Id,
            Title = disclosure.Title,
            Narrative = disclosure.Narrative,
            Actor = disclosure.Actor,
            Publisher = publisher,
            Counts = disclosure.Counts,
            ActivityFrom = disclosure.ActivityFrom,
            ActivityTo = disclosure.ActivityTo,
            Samples = disclosure.Samples,
            Identifiers = disclosure.IdentifiersPublic ? "public" : "hmac-sha256",
            IdentifiersNote = disclosure.IdentifiersPublic ? PublicNote : HashedNote,
            DatasetAccounts = disclosure.DatasetAccounts,
            DatasetUrl = $"{DisclosuresApi.PublicPrefix}/{disclosure.Id}/dataset.csv",
            Url = $"{DisclosuresApi.PagePrefix}/{disclosure.Id}",
            PublishedAt = disclosure.PublishedAt,
            Objects = withObjects ? [.. disclosure.Objects.Select(o => JsonNode.Parse(o.Json)!)] : [],
        };
    }
}
