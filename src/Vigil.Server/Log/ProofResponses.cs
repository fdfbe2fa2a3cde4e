using System.Text.Json.Serialization;

namespace Vigil.Server.Log;

/// <summary>An inclusion proof as JSON; hashes in standard base64 as in checkpoints.</summary>
public sealed record InclusionProofResponse(
    [property: JsonPropertyName("leaf_index")] long LeafIndex,
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("leaf_hash")] string LeafHash,
    [property: JsonPropertyName("root_hash")] string RootHash,
    [property: JsonPropertyName("hashes")] IReadOnlyList<string> Hashes);

/// <summary>A consistency proof as JSON; hashes in standard base64 as in checkpoints.</summary>
public sealed record ConsistencyProofResponse(
    [property: JsonPropertyName("first")] long First,
    [property: JsonPropertyName("second")] long Second,
    [property: JsonPropertyName("first_root")] string FirstRoot,
    [property: JsonPropertyName("second_root")] string SecondRoot,
    [property: JsonPropertyName("hashes")] IReadOnlyList<string> Hashes);
