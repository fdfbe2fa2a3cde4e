using Vigil.Core.Patterning.Evaluation;

namespace Vigil.Core.Patterning.Indexing;

/// <summary>
/// Matches batches of observations against many patterns. Patterns are indexed by their equality terms, LIKE
/// prefixes and ISSUBSET blocks (<see cref="PatternTerms.ExtractIndexTerms"/>); an observation's property values
/// (and their prefixes and enclosing blocks of the indexed lengths) are looked up in that index and only the
/// patterns found are evaluated, in full. Patterns without terms are indexed by the object types they test and
/// evaluated against observations holding one of those types. Built once, then safe to share between threads.
/// </summary>
public sealed partial class IndicatorMatcher
{
    private readonly string[] ids;
    private readonly ObservationExpression[] roots;
    private readonly bool[] singleObservation;
    private readonly List<ObjectPath> paths = [];
    private readonly Dictionary<string, int[]> pathsByType;
    private readonly Dictionary<TermKey, int[]> postings;
    private readonly Dictionary<string, int[]> fallbackByType;
    private readonly Dictionary<TermKey, LeafPosting[]> leafPostings;
    private readonly ObservationLeaf[]?[] leaves;
    private readonly bool[]?[] leafIndexed;
    private readonly int[]?[] prefixLengths;
    private readonly int[]?[] blockLengths;
    private readonly Dictionary<int, SortedSet<int>> prefixLengthSets = [];
    private readonly Dictionary<int, SortedSet<int>> blockLengthSets = [];
    private readonly long stepLimit;

    /// <param name="entries">The patterns to index.</param>
    /// <param name="stepLimit">Evaluation steps allowed per indicator and observation (or batch); beyond it the indicator is reported undecided.</param>
    public IndicatorMatcher(IEnumerable<PatternEntry> entries, long stepLimit = PatternEvaluator.DefaultStepLimit)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepLimit);
        this.stepLimit = stepLimit;
        var list = entries as IReadOnlyList<PatternEntry> ?? [.. entries];
        ids = new string[list.Count];
        roots = new ObservationExpression[list.Count];
        singleObservation = new bool[list.Count];
        leaves = new ObservationLeaf[list.Count][];
        leafIndexed = new bool[list.Count][];
        var leafBuilding = new Dictionary<TermKey, List<LeafPosting>>();
        var pathIds = new Dictionary<(string Type, string Path), int>();
        var typePaths = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var building = new Dictionary<TermKey, List<int>>();
        var fallback = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var p = 0; p < list.Count; p++)
        {
            var entry = list[p];
            ids[p] = entry.Id;
            roots[p] = entry.Pattern.Root;
            singleObservation[p] = PatternShape.MaxObservations(entry.Pattern.Root) == 1;
            if (!singleObservation[p])
            {
                IndexLeaves(p, entry.Pattern.Root, pathIds, typePaths, leafBuilding);
            }

            var terms = PatternTerms.ExtractIndexTerms(entry.Pattern);
            if (terms.IsIndexable)
            {
                IndexedCount++;
                foreach (var term in terms.Terms)
                {
                    Add(building, Register(term, pathIds, typePaths), p);
                }
            }
            else
            {
                foreach (var leaf in PatternShape.Leaves(entry.Pattern.Root))
                {
                    foreach (var type in leaf.Comparison.ObjectTypes)
                    {
                        Add(fallback, type, p);
                    }
                }
            }
        }

        postings = Freeze(building);
        leafPostings = new Dictionary<TermKey, LeafPosting[]>(leafBuilding.Count);
        foreach (var (key, leafList) in leafBuilding)
        {
            leafPostings[key] = [.. leafList];
        }

        fallbackByType = Freeze(fallback);
        pathsByType = Freeze(typePaths);
        prefixLengths = new int[]?[paths.Count];
        foreach (var (pathId, lengths) in prefixLengthSets)
        {
            prefixLengths[pathId] = [.. lengths];
        }

        blockLengths = new int[]?[paths.Count];
        foreach (var (pathId, lengths) in blockLengthSets)
        {
            blockLengths[pathId] = [.. lengths];
        }
    }

    public int Count => ids.Length;

    /// <summary>Patterns found through their index terms.</summary>
    public int IndexedCount { get; }

    /// <summary>Patterns that need full evaluation against every observation holding one of their object types.</summary>
    public int FallbackCount => ids.Length - IndexedCount;

    public IndicatorMatchResult Match(IReadOnlyList<ObservationInput> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var run = new Run(this, observations);
        for (var i = 0; i < observations.Count; i++)
        {
            run.Scan(i);
        }

        return run.Finish();
    }

    /// <summary>
    /// The leaves of a multi-observation pattern are indexed too, so that each leaf is only tried on the
    /// observations that hold one of its terms rather than on the whole batch.
    /// </summary>
    private void IndexLeaves(int p, ObservationExpression root, Dictionary<(string Type, string Path), int> pathIds, Dictionary<string, List<int>> typePaths,
        Dictionary<TermKey, List<LeafPosting>> leafBuilding)
    {
        var found = PatternShape.Leaves(root);
        leaves[p] = [.. found];
        var indexed = new bool[found.Count];
        for (var j = 0; j < found.Count; j++)
        {
            if (PatternTerms.ForComparison(found[j].Comparison, extended: true) is not { } terms)
            {
                continue;
            }

            indexed[j] = true;
            foreach (var term in terms)
            {
                var key = Register(term, pathIds, typePaths);
                if (!leafBuilding.TryGetValue(key, out var list))
                {
                    list = [];
                    leafBuilding[key] = list;
                }

                list.Add(new LeafPosting(p, j));
            }
        }

        leafIndexed[p] = indexed;
    }

    /// <summary>The key of a term; prefix and block terms also record their length, which lookups probe.</summary>
    private TermKey Register(EqualityTerm term, Dictionary<(string Type, string Path), int> pathIds, Dictionary<string, List<int>> typePaths)
    {
        var pathId = PathId(term.Path, pathIds, typePaths);
        switch (term.Kind)
        {
            case TermValueKind.TextPrefix:
                AddLength(prefixLengthSets, pathId, term.Value.Length);
                break;
            case TermValueKind.AddressBlock:
                AddLength(blockLengthSets, pathId, int.Parse(term.Value.AsSpan(term.Value.LastIndexOf('/') + 1), System.Globalization.CultureInfo.InvariantCulture));
                break;
        }

        return new TermKey(pathId, term.Kind, term.Value);
    }

    private static void AddLength(Dictionary<int, SortedSet<int>> sets, int pathId, int length)
    {
        if (!sets.TryGetValue(pathId, out var set))
        {
            set = [];
            sets[pathId] = set;
        }

        set.Add(length);
    }

    private int PathId(ObjectPath path, Dictionary<(string Type, string Path), int> pathIds, Dictionary<string, List<int>> typePaths)
    {
        var name = (path.ObjectType, path.PropertyPath);
        if (!pathIds.TryGetValue(name, out var id))
        {
            id = paths.Count;
            paths.Add(path);
            pathIds[name] = id;
            Add(typePaths, path.ObjectType, id);
        }

        return id;
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> map, TKey key, int value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        if (list.Count == 0 || list[^1] != value)
        {
            list.Add(value);
        }
    }

    private static Dictionary<TKey, int[]> Freeze<TKey>(Dictionary<TKey, List<int>> map)
        where TKey : notnull
    {
        var frozen = new Dictionary<TKey, int[]>(map.Count, map.Comparer);
        foreach (var (key, list) in map)
        {
            frozen[key] = [.. list];
        }

        return frozen;
    }
}
