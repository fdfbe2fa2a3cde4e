using Vigil.Ledger.Merkle;
using Vigil.Ledger.Storage;

namespace Vigil.Ledger.Log;

/// <summary>Computes what an append adds to each stored level.</summary>
internal static class StoredLevels
{
    /// <summary>The new hashes per stored level: the leaf hashes, then the hash of every group of 16 they complete, level by level.</summary>
    public static async Task<List<LevelHashes>> ForAppendAsync(ILogStore store, long size, MerkleHash[] leafHashes, CancellationToken cancellationToken)
    {
        const int group = LogLayout.GroupSize;
        var levels = new List<LevelHashes> { new() { Level = 0, Start = size, Hashes = leafHashes } };
        var scratch = new MerkleHash[group];
        var level = 0;
        var levelStart = size;
        var current = leafHashes;
        while (true)
        {
            var end = levelStart + current.Length;
            var firstGroup = levelStart / group;
            var fullGroupsEnd = end / group;
            if (fullGroupsEnd <= firstGroup)
            {
                return levels;
            }

            var parents = new MerkleHash[fullGroupsEnd - firstGroup];
            var prefix = (int)(levelStart - (firstGroup * group));
            for (var g = firstGroup; g < fullGroupsEnd; g++)
            {
                if (g == firstGroup)
                {
                    if (prefix > 0)
                    {
                        await store.ReadHashesAsync(level, firstGroup * group, scratch.AsMemory(0, prefix), cancellationToken);
                    }

                    current.AsSpan(0, group - prefix).CopyTo(scratch.AsSpan(prefix));
                }
                else
                {
                    current.AsSpan((int)((g * group) - levelStart), group).CopyTo(scratch);
                }

                parents[g - firstGroup] = MerkleHasher.FoldPerfect(scratch);
            }

            level++;
            levels.Add(new LevelHashes { Level = level, Start = firstGroup, Hashes = parents });
            levelStart = firstGroup;
            current = parents;
        }
    }
}
