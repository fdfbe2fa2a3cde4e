using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Merkle;

namespace Vigil.Ledger.Verification;

/// <summary>
/// What a verifier or witness remembers between runs: the last verified checkpoint's origin, size and root, and
/// (after a full audit) the frontier hashes at that size, which let a later audit point at the rewritten range.
/// </summary>
public sealed record LogState
{
    public required string Origin { get; init; }

    public required long Size { get; init; }

    public required MerkleHash RootHash { get; init; }

    /// <summary>The frontier subtree hashes at <see cref="Size"/>, leftmost first; empty when unknown.</summary>
    public IReadOnlyList<MerkleHash> Frontier { get; init; } = [];

    /// <summary>The state a verified checkpoint establishes.</summary>
    public static LogState From(Checkpoint checkpoint, IReadOnlyList<MerkleHash>? frontier = null)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return new LogState { Origin = checkpoint.Origin, Size = checkpoint.Size, RootHash = checkpoint.RootHash, Frontier = frontier ?? [] };
    }

    /// <summary>The state as a small JSON document for a state file.</summary>
    public string ToJson()
    {
        var frontier = new JsonArray();
        foreach (var hash in Frontier)
        {
            frontier.Add(JsonValue.Create(hash.ToBase64()));
        }

        var json = new JsonObject
        {
            ["origin"] = Origin,
            ["size"] = Size.ToString(CultureInfo.InvariantCulture),
            ["root"] = RootHash.ToBase64(),
            ["frontier"] = frontier,
        };
        return json.ToJsonString();
    }

    /// <summary>Reads a state file; throws <see cref="LedgerException"/> (InvalidArgument) saying what is wrong.</summary>
    public static LogState Parse(string json)
    {
        try
        {
            var node = JsonNode.Parse(json) as JsonObject ?? throw Bad("it is not a JSON object");
            var origin = node["origin"]?.GetValue<string>() ?? throw Bad("'origin' is missing");
            var sizeText = node["size"]?.GetValue<string>() ?? throw Bad("'size' is missing");
            if (!long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                throw Bad("'size' is not a decimal number");
            }

            if (!MerkleHash.TryFromBase64(node["root"]?.GetValue<string>() ?? string.Empty, out var root))
            {
                throw Bad("'root' is not a base64 hash");
            }

            var frontier = new List<MerkleHash>();
            foreach (var item in node["frontier"] as JsonArray ?? [])
            {
                if (!MerkleHash.TryFromBase64(item?.GetValue<string>() ?? string.Empty, out var hash))
                {
                    throw Bad("'frontier' holds a value that is not a base64 hash");
                }

                frontier.Add(hash);
            }

            var state = new LogState { Origin = origin, Size = size, RootHash = root, Frontier = frontier };
            if (frontier.Count > 0 && MerkleFrontier.FromHashes(size, frontier).Root() != root)
            {
                throw Bad("the frontier does not hash to the root");
            }

            return state;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw Bad(e.Message);
        }
    }

    private static LedgerException Bad(string what) => new(LedgerFailure.InvalidArgument, $"The log state file is invalid: {what}.");
}
