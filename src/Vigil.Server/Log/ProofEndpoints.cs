using System.Globalization;
using Microsoft.AspNetCore.Http;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Log;
using Vigil.Ledger.Merkle;
using Vigil.Server.Hosting;

namespace Vigil.Server.Log;

/// <summary>
/// <c>GET /log/proof/inclusion?hash=…|index=…[&amp;size=…]</c> and <c>GET /log/proof/consistency?first=…[&amp;second=…]</c>.
/// A size left out means the latest signed checkpoint's size. Every bad parameter is named in the problem details.
/// </summary>
internal static class ProofEndpoints
{
    public static async Task<IResult> InclusionAsync(HttpContext context, TransparencyLog log, LogOptions options, CancellationToken cancellationToken)
    {
        if (CheckQuery(context, options) is { } tooLong)
        {
            return tooLong;
        }

        var query = context.Request.Query;
        var hashText = Single(query, "hash");
        var indexText = Single(query, "index");
        if ((hashText is null) == (indexText is null))
        {
            return ApiProblems.Invalid(context, "hash", "give exactly one of 'hash' (the entry's leaf hash, hex or base64) or 'index'.");
        }

        try
        {
            var size = await SizeAsync(context, log, "size", cancellationToken).ConfigureAwait(false);
            if (size.Problem is not null)
            {
                return size.Problem;
            }

            InclusionProof proof;
            if (hashText is not null)
            {
                if (!TryParseHash(hashText, out var hash))
                {
                    return ApiProblems.Invalid(context, "hash", $"'{Clip(hashText)}' is not a 32-byte hash in hex (64 digits) or standard base64 (44 characters).");
                }

                proof = await log.GetInclusionProofByHashAsync(hash, size.Value, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (!long.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return ApiProblems.Invalid(context, "index", $"'{Clip(indexText!)}' is not a non-negative whole number.");
                }

                if (index >= size.Value)
                {
                    return ApiProblems.NotFound(context, $"Entry {index} is not in the tree of size {size.Value}.");
                }

                proof = await log.GetInclusionProofAsync(index, size.Value, cancellationToken).ConfigureAwait(false);
            }

            var root = await log.GetRootAsync(size.Value, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new InclusionProofResponse(proof.LeafIndex, proof.TreeSize, proof.LeafHash.ToBase64(), root.ToBase64(), Base64(proof.Hashes)));
        }
        catch (LedgerException e)
        {
            return LogProblems.From(context, e);
        }
    }

    public static async Task<IResult> ConsistencyAsync(HttpContext context, TransparencyLog log, LogOptions options, CancellationToken cancellationToken)
    {
        if (CheckQuery(context, options) is { } tooLong)
        {
            return tooLong;
        }

        var firstText = Single(context.Request.Query, "first");
        if (firstText is null || !long.TryParse(firstText, NumberStyles.None, CultureInfo.InvariantCulture, out var first))
        {
            return ApiProblems.Invalid(context, "first", firstText is null ? "is required (the smaller tree size)." : $"'{Clip(firstText)}' is not a non-negative whole number.");
        }

        try
        {
            var second = await SizeAsync(context, log, "second", cancellationToken).ConfigureAwait(false);
            if (second.Problem is not null)
            {
                return second.Problem;
            }

            if (first > second.Value)
            {
                return ApiProblems.Invalid(context, "first", $"{first} is larger than second ({second.Value}).");
            }

            var proof = await log.GetConsistencyProofAsync(first, second.Value, cancellationToken).ConfigureAwait(false);
            var firstRoot = await log.GetRootAsync(first, cancellationToken).ConfigureAwait(false);
            var secondRoot = await log.GetRootAsync(second.Value, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new ConsistencyProofResponse(first, second.Value, firstRoot.ToBase64(), secondRoot.ToBase64(), Base64(proof.Hashes)));
        }
        catch (LedgerException e)
        {
            return LogProblems.From(context, e);
        }
    }

    private static IResult? CheckQuery(HttpContext context, LogOptions options)
    {
        var length = context.Request.QueryString.Value?.Length ?? 0;
        return length > options.MaxQueryLength
            ? ApiProblems.Invalid(context, "query", $"is {length} characters long; the limit is {options.MaxQueryLength}.")
            : null;
    }

    private static async Task<(long Value, IResult? Problem)> SizeAsync(HttpContext context, TransparencyLog log, string name, CancellationToken cancellationToken)
    {
        var text = Single(context.Request.Query, name);
        var treeSize = await log.GetSizeAsync(cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            var note = await log.GetCheckpointAsync(cancellationToken).ConfigureAwait(false);
            return (note is null ? treeSize : Checkpoint.Parse(Ledger.Notes.SignedNote.Parse(note).Text).Size, null);
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            return (0, ApiProblems.Invalid(context, name, $"'{Clip(text)}' is not a non-negative whole number."));
        }

        if (size > treeSize)
        {
            return (0, ApiProblems.Invalid(context, name, $"{size} is larger than the tree ({treeSize} entries)."));
        }

        return (size, null);
    }

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    private static bool TryParseHash(string text, out MerkleHash hash)
    {
        if (text.Length == MerkleHash.Size * 2)
        {
            try
            {
                hash = MerkleHash.FromHex(text);
                return true;
            }
            catch (FormatException)
            {
                hash = default;
                return false;
            }
        }

        // '+' in a query string arrives as a space.
        return MerkleHash.TryFromBase64(text.Replace(' ', '+'), out hash);
    }

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static string[] Base64(IReadOnlyList<MerkleHash> hashes)
    {
        var result = new string[hashes.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = hashes[i].ToBase64();
        }

        return result;
    }
}
