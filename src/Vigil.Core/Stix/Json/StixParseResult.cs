using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace Vigil.Core.Stix.Json;

/// <summary>A parsed TAXII envelope or STIX bundle, or the reason it could not be parsed.</summary>
public sealed record StixParseResult
{
    public JsonObject? Root { get; init; }

    /// <summary>The <c>objects</c> list (empty when absent). Items are not yet validated; see <c>StixValidator.ValidateEnvelope</c>.</summary>
    public JsonArray Objects { get; init; } = [];

    public bool IsBundle { get; init; }

    public StixJsonError? Error { get; init; }

    [MemberNotNullWhen(true, nameof(Root))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null && Root is not null;

    internal static StixParseResult Fail(StixJsonError error) => new() { Error = error };
}
