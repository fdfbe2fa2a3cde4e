namespace Vigil.Core.Patterning.Evaluation;

/// <summary>
/// Finds a set of observations that satisfies a pattern. Every observation leaf is bound to one observation;
/// AND, FOLLOWEDBY and REPEATS need distinct observations; FOLLOWEDBY needs the left side to have started no later
/// than the right side ends; WITHIN needs all observations to fit one window; START/STOP needs each to overlap
/// [start, stop). An observation seen <c>number_observed</c> times counts as that many observations.
/// Bindings are generated lazily and the first one that survives every constraint is returned.
/// </summary>
internal sealed class BindingSearch
{
    private const int MaxMaterialized = 100_000;

    private readonly IReadOnlyList<ObservationInput> observations;
    private readonly Func<ObservationLeaf, IReadOnlyList<int>?>? leafCandidates;
    private readonly EvaluationBudget budget;
    private readonly ComparisonMatcher matcher;
    private readonly int[] slotInput;
    private readonly int[] firstSlot;
    private readonly int[] copies;
    private readonly long[] slotFirst;
    private readonly long[] slotLast;
    private readonly Dictionary<ObservationLeaf, int[]> leafSlots = new(ReferenceEqualityComparer.Instance);

    public BindingSearch(IReadOnlyList<ObservationInput> observations, int maxObservations, EvaluationBudget budget,
        Func<ObservationLeaf, IReadOnlyList<int>?>? leafCandidates)
    {
        this.observations = observations;
        this.leafCandidates = leafCandidates;
        this.budget = budget;
        matcher = new ComparisonMatcher(budget);
        firstSlot = new int[observations.Count];
        copies = new int[observations.Count];
        var total = 0;
        for (var i = 0; i < observations.Count; i++)
        {
            firstSlot[i] = total;
            copies[i] = Math.Max(1, Math.Min(observations[i].NumberObserved, maxObservations));
            total += copies[i];
        }

        slotInput = new int[total];
        slotFirst = new long[total];
        slotLast = new long[total];
        for (var i = 0; i < observations.Count; i++)
        {
            for (var c = 0; c < copies[i]; c++)
            {
                var slot = firstSlot[i] + c;
                slotInput[slot] = i;
                slotFirst[slot] = observations[i].FirstObserved.UtcTicks;
                slotLast[slot] = observations[i].LastObserved.UtcTicks;
            }
        }
    }

    /// <summary>The indices of the observations of the first match found, ascending, or null.</summary>
    public int[]? FindMatch(ObservationExpression root)
    {
        foreach (var binding in Bindings(root))
        {
            var inputs = new SortedSet<int>();
            foreach (var slot in binding)
            {
                inputs.Add(slotInput[slot]);
            }

            return [.. inputs];
        }

        return null;
    }

    private IEnumerable<int[]> Bindings(ObservationExpression expression) => expression switch
    {
        ObservationLeaf leaf => LeafBindings(leaf),
        ObservationCombination { Operator: ObservationOperator.Or } or => OrBindings(or.Operands),
        ObservationCombination { Operator: ObservationOperator.And } and => Product(and.Operands, 0, [], ordered: false),
        ObservationCombination followedBy => Product(followedBy.Operands, 0, [], ordered: true),
        QualifiedObservation { Qualifier: WithinQualifier within } q => Filter(Bindings(q.Inner), b => FitsWindow(b, within.Window.Ticks)),
        QualifiedObservation { Qualifier: StartStopQualifier range } q => Filter(Bindings(q.Inner), b => Overlaps(b, range)),
        QualifiedObservation { Qualifier: RepeatsQualifier repeats } q => Repeats(q.Inner, repeats.Count),
        _ => [],
    };

    private IEnumerable<int[]> LeafBindings(ObservationLeaf leaf)
    {
        foreach (var slot in SlotsMatching(leaf))
        {
            budget.Spend();
            yield return [slot];
        }
    }

    private int[] SlotsMatching(ObservationLeaf leaf)
    {
        if (leafSlots.TryGetValue(leaf, out var cached))
        {
            return cached;
        }

        var slots = new List<int>();
        var candidates = leafCandidates?.Invoke(leaf);
        if (candidates is null)
        {
            for (var i = 0; i < observations.Count; i++)
            {
                AddIfMatching(leaf, i, slots);
            }
        }
        else
        {
            foreach (var i in candidates)
            {
                AddIfMatching(leaf, i, slots);
            }
        }

        var result = slots.ToArray();
        leafSlots[leaf] = result;
        return result;
    }

    private void AddIfMatching(ObservationLeaf leaf, int input, List<int> slots)
    {
        if (matcher.Matches(leaf.Comparison, observations[input]))
        {
            for (var c = 0; c < copies[input]; c++)
            {
                slots.Add(firstSlot[input] + c);
            }
        }
    }

    private IEnumerable<int[]> OrBindings(IReadOnlyList<ObservationExpression> operands)
    {
        foreach (var operand in operands)
        {
            foreach (var binding in Bindings(operand))
            {
                yield return binding;
            }
        }
    }

    private IEnumerable<int[]> Product(IReadOnlyList<ObservationExpression> operands, int k, int[] accumulated, bool ordered)
    {
        if (k == operands.Count)
        {
            yield return accumulated;
            yield break;
        }

        var latestFirst = long.MinValue;
        if (ordered)
        {
            foreach (var slot in accumulated)
            {
                latestFirst = Math.Max(latestFirst, slotFirst[slot]);
            }
        }

        foreach (var binding in Bindings(operands[k]))
        {
            budget.Spend();
            if (!Disjoint(accumulated, binding))
            {
                continue;
            }

            if (ordered && k > 0 && latestFirst > EarliestLast(binding))
            {
                continue;
            }

            foreach (var result in Product(operands, k + 1, [.. accumulated, .. binding], ordered))
            {
                yield return result;
            }
        }
    }

    private IEnumerable<int[]> Repeats(ObservationExpression inner, int count)
    {
        var pool = new List<int[]>();
        foreach (var binding in Bindings(inner))
        {
            pool.Add(binding);
            if (pool.Count > MaxMaterialized)
            {
                throw new PatternEvaluationLimitException($"REPEATS would have to consider more than {MaxMaterialized} candidate matches");
            }
        }

        return count == 1 ? pool : Choose(pool, count);
    }

    /// <summary>Every choice of <paramref name="count"/> pairwise disjoint bindings from the pool, in index order (iterative backtracking).</summary>
    private IEnumerable<int[]> Choose(List<int[]> pool, int count)
    {
        if (pool.Count < count)
        {
            yield break;
        }

        var used = new int[slotInput.Length];
        var chosen = new int[count];
        var holding = new bool[count];
        var depth = 0;
        chosen[0] = -1;
        while (depth >= 0)
        {
            if (holding[depth])
            {
                Release(used, pool[chosen[depth]]);
                holding[depth] = false;
            }

            var next = -1;
            for (var i = chosen[depth] + 1; i <= pool.Count - (count - depth); i++)
            {
                budget.Spend();
                if (IsFree(used, pool[i]))
                {
                    next = i;
                    break;
                }
            }

            if (next < 0)
            {
                depth--;
                continue;
            }

            chosen[depth] = next;
            holding[depth] = true;
            Acquire(used, pool[next]);
            if (depth == count - 1)
            {
                var combined = new List<int>();
                foreach (var index in chosen)
                {
                    combined.AddRange(pool[index]);
                }

                yield return [.. combined];
            }
            else
            {
                depth++;
                chosen[depth] = next;
            }
        }
    }

    private static bool IsFree(int[] used, int[] binding)
    {
        foreach (var slot in binding)
        {
            if (used[slot] != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void Acquire(int[] used, int[] binding)
    {
        foreach (var slot in binding)
        {
            used[slot]++;
        }
    }

    private static void Release(int[] used, int[] binding)
    {
        foreach (var slot in binding)
        {
            used[slot]--;
        }
    }

    private static IEnumerable<int[]> Filter(IEnumerable<int[]> bindings, Func<int[], bool> keep)
    {
        foreach (var binding in bindings)
        {
            if (keep(binding))
            {
                yield return binding;
            }
        }
    }

    private bool FitsWindow(int[] binding, long windowTicks)
    {
        var latestFirst = long.MinValue;
        var earliestLast = long.MaxValue;
        foreach (var slot in binding)
        {
            latestFirst = Math.Max(latestFirst, slotFirst[slot]);
            earliestLast = Math.Min(earliestLast, slotLast[slot]);
        }

        return latestFirst <= earliestLast || latestFirst - earliestLast <= windowTicks;
    }

    private bool Overlaps(int[] binding, StartStopQualifier range)
    {
        var start = range.Start.Utc.Ticks;
        var stop = range.Stop.Utc.Ticks;
        foreach (var slot in binding)
        {
            if (slotLast[slot] < start || slotFirst[slot] >= stop)
            {
                return false;
            }
        }

        return true;
    }

    private long EarliestLast(int[] binding)
    {
        var earliest = long.MaxValue;
        foreach (var slot in binding)
        {
            earliest = Math.Min(earliest, slotLast[slot]);
        }

        return earliest;
    }

    private static bool Disjoint(int[] a, int[] b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x == y)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
