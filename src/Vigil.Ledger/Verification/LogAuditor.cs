using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Entries;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Merkle;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Tiles;

namespace Vigil.Ledger.Verification;

/// <summary>
/// Checks a whole log end to end, as <c>vigil audit verify</c> does: the checkpoint signature; that it is not older
/// than the state verified before; every entry bundle and every entry parsed; every tile at every level recomputed
/// from the entries and compared with what is served; the root recomputed and compared with the signed root; and the
/// root at the previously verified size recomputed from the same entries (consistency). Stops at the first problem.
/// </summary>
/// <param name="source">Where to read the log.</param>
/// <param name="logKey">The log's verifier key.</param>
/// <param name="validateEntry">Checks one entry (bytes, index); defaults to parsing it as a ledger entry.</param>
public sealed class LogAuditor(ILogSource source, NoteVerifier logKey, Action<ReadOnlyMemory<byte>, long>? validateEntry = null)
{
    private readonly Action<ReadOnlyMemory<byte>, long> _validate = validateEntry ?? ((entry, index) => LedgerEntryCodec.Parse(entry.Span, index));

    /// <summary>Audits the log against <paramref name="previous"/> (null on the first run).</summary>
    public async Task<AuditReport> AuditAsync(LogState? previous, CancellationToken cancellationToken = default)
    {
        long verified = 0;
        try
        {
            var checkpoint = CheckpointVerifier.Verify(await source.GetCheckpointAsync(cancellationToken), logKey).Checkpoint;
            if (previous is not null)
            {
                CheckAgainstPrevious(previous, checkpoint);
            }

            var run = new AuditRecomputation(checkpoint.Size, previous?.Size ?? 0);
            for (long tile = 0; tile * TileMath.Width < checkpoint.Size; tile++)
            {
                await VerifyBundleAsync(run, tile, cancellationToken);
                verified = Math.Min(checkpoint.Size, (tile + 1) * TileMath.Width);
            }

            await run.FinishAsync(FetchAsync, cancellationToken);
            var root = run.Frontier.Root();
            if (root != checkpoint.RootHash)
            {
                throw new LedgerException(LedgerFailure.RootMismatch, $"The root recomputed from the {checkpoint.Size} entries ({root.ToBase64()}) differs from the signed root ({checkpoint.RootHash.ToBase64()}).");
            }

            if (previous is not null)
            {
                CheckPreviousRoot(previous, run.PreviousFrontier!);
            }

            return new AuditReport
            {
                State = LogState.From(checkpoint, run.Frontier.Hashes.ToArray()),
                EntriesVerified = verified,
                Message = $"Verified {checkpoint.Size} entries of {checkpoint.Origin}; root {checkpoint.RootHash.ToBase64()}.",
            };
        }
        catch (LedgerException e)
        {
            return new AuditReport { Failure = e.Failure, FirstBadIndex = e.Index, Message = e.Message, EntriesVerified = verified };
        }
    }

    private static void CheckAgainstPrevious(LogState previous, Checkpoint checkpoint)
    {
        if (checkpoint.Origin != previous.Origin)
        {
            throw new LedgerException(LedgerFailure.WrongOrigin, $"The checkpoint is for log '{checkpoint.Origin}', the state for '{previous.Origin}'.");
        }

        if (checkpoint.Size < previous.Size)
        {
            throw new LedgerException(LedgerFailure.StaleCheckpoint, $"The checkpoint is for size {checkpoint.Size}, smaller than the size {previous.Size} verified before.");
        }

        if (checkpoint.Size == previous.Size && checkpoint.RootHash != previous.RootHash)
        {
            throw new LedgerException(LedgerFailure.Fork, $"Fork: the checkpoint has size {checkpoint.Size} like the one verified before, but another root.");
        }
    }

    private static void CheckPreviousRoot(LogState previous, MerkleFrontier recomputed)
    {
        if (recomputed.Root() == previous.RootHash)
        {
            return;
        }

        // Point at the first subtree that changed when the earlier frontier is known; otherwise at the whole range.
        var (start, end) = (0L, previous.Size);
        for (var i = 0; i < previous.Frontier.Count && i < recomputed.Hashes.Count; i++)
        {
            if (previous.Frontier[i] != recomputed.Hashes[i])
            {
                (start, end) = recomputed.RangeOf(i);
                break;
            }
        }

        throw new LedgerException(
            LedgerFailure.Fork,
            $"Fork: the first {previous.Size} entries no longer hash to the root verified before; entries in [{start}, {end}) were changed, removed, inserted or reordered.",
            start);
    }

    private async Task VerifyBundleAsync(AuditRecomputation run, long tile, CancellationToken cancellationToken)
    {
        var width = TileMath.WidthOf(run.TreeSize, 0, tile);
        var bundleCoordinate = TileCoordinate.Entries(tile, width);
        var entries = TileCodec.DecodeEntryBundle(await FetchAsync(bundleCoordinate, cancellationToken), bundleCoordinate);
        var start = tile * TileMath.Width;
        if (entries.Count != width)
        {
            var first = start + Math.Min(entries.Count, width);
            throw new LedgerException(LedgerFailure.MalformedTile, $"Entry bundle {bundleCoordinate} holds {entries.Count} entries; the checkpoint needs {width}.", first);
        }

        var tileCoordinate = TileCoordinate.Hashes(0, tile, width);
        var served = TileCodec.DecodeHashTile(await FetchAsync(tileCoordinate, cancellationToken), tileCoordinate);
        var leaves = new MerkleHash[width];
        for (var i = 0; i < width; i++)
        {
            var index = start + i;
            _validate(entries[i], index);
            leaves[i] = MerkleHasher.HashLeaf(entries[i]);
            if (leaves[i] != served[i])
            {
                throw new LedgerException(LedgerFailure.TileMismatch, $"Entry {index} does not hash to leaf hash {i} of tile {tileCoordinate}: the entry or its hash was changed.", index);
            }
        }

        await run.AddLeavesAsync(FetchAsync, leaves, cancellationToken);
    }

    private async Task<byte[]> FetchAsync(TileCoordinate tile, CancellationToken cancellationToken)
    {
        try
        {
            return await source.GetTileAsync(tile, cancellationToken);
        }
        catch (LedgerException e)
        {
            throw new LedgerException(LedgerFailure.MalformedTile, $"Tile {tile} could not be read: {e.Message}", FirstLeaf(tile));
        }
    }

    private static long FirstLeaf(TileCoordinate tile) => tile.IsEntryBundle ? tile.StartIndex : tile.StartIndex << (TileMath.Height * tile.Level);
}
