using System.Text.Json.Nodes;
using Vigil.Core.Patterning.Evaluation;

namespace Vigil.Core.Patterning.Indexing;

public sealed partial class IndicatorMatcher
{
    /// <summary>The state of one <see cref="Match"/> call.</summary>
    private sealed class Run(IndicatorMatcher index, IReadOnlyList<ObservationInput> observations)
    {
        private readonly EvaluationBudget budget = new(index.stepLimit);
        private readonly List<ResolvedValue> values = [];
        private readonly int[] lastObservation = new int[index.ids.Length];
        private readonly Dictionary<int, List<int>> matched = [];
        private readonly Dictionary<int, string> undecided = [];
        private readonly HashSet<int> multiCandidates = [];
        private readonly Dictionary<LeafPosting, List<int>> leafHits = [];
        private ComparisonMatcher? matcher;

        public void Scan(int i)
        {
            var observation = observations[i];
            foreach (var type in observation.Types)
            {
                if (index.pathsByType.TryGetValue(type, out var pathIds))
                {
                    foreach (var sco in observation.OfType(type))
                    {
                        LookUp(sco, pathIds, i);
                    }
                }

                if (index.fallbackByType.TryGetValue(type, out var fallback))
                {
                    foreach (var p in fallback)
                    {
                        Consider(p, i);
                    }
                }
            }
        }

        public IndicatorMatchResult Finish()
        {
            foreach (var p in multiCandidates)
            {
                Decide(p, () => PatternEvaluator.FindMatch(index.roots[p], observations, leaf => LeafCandidates(p, leaf), budget));
            }

            var keys = new List<int>(matched.Keys);
            keys.Sort();
            var matches = new List<IndicatorMatch>(keys.Count);
            foreach (var p in keys)
            {
                matches.Add(new IndicatorMatch(index.ids[p], matched[p]));
            }

            var stopped = new List<UndecidedIndicator>(undecided.Count);
            foreach (var (p, reason) in undecided)
            {
                stopped.Add(new UndecidedIndicator(index.ids[p], reason));
            }

            return new IndicatorMatchResult(matches, stopped);
        }

        private void LookUp(JsonObject sco, int[] pathIds, int i)
        {
            foreach (var pathId in pathIds)
            {
                values.Clear();
                PathResolver.Resolve(sco, index.paths[pathId], observations[i], values);
                for (var v = 0; v < values.Count; v++)
                {
                    var resolved = values[v];
                    var scalar = Scalar.From(resolved.Node, resolved.Property);
                    if (TermNormalizer.TryKeyForValue(scalar, out var kind, out var text))
                    {
                        Hit(new TermKey(pathId, kind, text), i);
                    }

                    if (scalar.Kind == ScalarKind.String)
                    {
                        ProbeRanges(pathId, scalar.Text!, i);
                    }
                }
            }
        }

        /// <summary>Looks up the value's prefixes and enclosing address blocks of the lengths some pattern uses.</summary>
        private void ProbeRanges(int pathId, string text, int i)
        {
            if (index.prefixLengths[pathId] is { } prefixes)
            {
                var folded = TextFold.Apply(text);
                foreach (var length in prefixes)
                {
                    if (length > folded.Length)
                    {
                        break;
                    }

                    Hit(new TermKey(pathId, TermValueKind.TextPrefix, folded[..length]), i);
                }
            }

            if (index.blockLengths[pathId] is { } blocks && IpNetwork.TryParse(text, out var network))
            {
                foreach (var length in blocks)
                {
                    if (length > network.PrefixLength)
                    {
                        break;
                    }

                    Hit(new TermKey(pathId, TermValueKind.AddressBlock, network.Truncate(length).ToString()), i);
                }
            }
        }

        private void Hit(TermKey key, int i)
        {
            if (index.postings.TryGetValue(key, out var hits))
            {
                foreach (var p in hits)
                {
                    Consider(p, i);
                }
            }

            if (index.leafPostings.TryGetValue(key, out var leafPostings))
            {
                foreach (var posting in leafPostings)
                {
                    if (!leafHits.TryGetValue(posting, out var list))
                    {
                        list = [];
                        leafHits[posting] = list;
                    }

                    if (list.Count == 0 || list[^1] != i)
                    {
                        list.Add(i);
                    }
                }
            }
        }

        /// <summary>The observations an indexed leaf can match (those holding one of its terms); null means all.</summary>
        private IReadOnlyList<int>? LeafCandidates(int p, ObservationLeaf leaf)
        {
            var patternLeaves = index.leaves[p]!;
            for (var j = 0; j < patternLeaves.Length; j++)
            {
                if (ReferenceEquals(patternLeaves[j], leaf))
                {
                    return !index.leafIndexed[p]![j] ? null : leafHits.TryGetValue(new LeafPosting(p, j), out var hits) ? hits : [];
                }
            }

            return null;
        }

        private void Consider(int p, int i)
        {
            if (!index.singleObservation[p])
            {
                multiCandidates.Add(p);
                return;
            }

            if (lastObservation[p] == i + 1)
            {
                return;
            }

            lastObservation[p] = i + 1;
            var root = index.roots[p];
            Decide(p, () =>
            {
                var observation = observations[i];
                var hit = root is ObservationLeaf leaf
                    ? (matcher ??= new ComparisonMatcher(budget)).Matches(leaf.Comparison, observation)
                    : PatternEvaluator.FindMatch(root, [observation], null, budget) is not null;
                return hit ? [i] : null;
            });
        }

        private void Decide(int p, Func<int[]?> evaluate)
        {
            try
            {
                budget.Reset();
                if (evaluate() is not { } found)
                {
                    return;
                }

                if (!matched.TryGetValue(p, out var list))
                {
                    list = [];
                    matched[p] = list;
                }

                list.AddRange(found);
            }
            catch (PatternEvaluationLimitException e)
            {
                undecided.TryAdd(p, e.Message);
            }
        }
    }
}
