using System.Text.Json.Nodes;

namespace Vigil.Core.Patterning.Evaluation;

/// <summary>
/// Decides whether one observation satisfies the comparison expression of an observation leaf. Each object type
/// in the expression is bound to one object of the observation: comparisons on the same type must all hold for
/// the same object, comparisons on different types may hold for different objects of the observation.
/// </summary>
internal sealed class ComparisonMatcher(EvaluationBudget budget)
{
    private readonly List<ResolvedValue> values = [];

    public bool Matches(ComparisonExpression expression, ObservationInput observation)
    {
        var types = expression.ObjectTypes;
        if (types.Count == 1)
        {
            foreach (var candidate in observation.OfType(types[0]))
            {
                budget.Spend();
                if (Evaluate(expression, new Binding(types[0], candidate, null), observation))
                {
                    return true;
                }
            }

            return false;
        }

        if (expression is ComparisonCombination { Operator: BooleanOperator.Or } or)
        {
            foreach (var operand in or.Operands)
            {
                if (Matches(operand, observation))
                {
                    return true;
                }
            }

            return false;
        }

        if (expression is ComparisonCombination and)
        {
            foreach (var group in IndependentGroups(and.Operands))
            {
                if (!MatchesGroup(group, observation))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>Conjuncts that share no object type can be bound independently of each other.</summary>
    private static List<List<ComparisonExpression>> IndependentGroups(IReadOnlyList<ComparisonExpression> operands)
    {
        var groups = new List<List<ComparisonExpression>>();
        var groupTypes = new List<HashSet<string>>();
        foreach (var operand in operands)
        {
            var merged = new List<ComparisonExpression> { operand };
            var mergedTypes = new HashSet<string>(operand.ObjectTypes, StringComparer.Ordinal);
            for (var g = groups.Count - 1; g >= 0; g--)
            {
                if (groupTypes[g].Overlaps(mergedTypes))
                {
                    merged.AddRange(groups[g]);
                    mergedTypes.UnionWith(groupTypes[g]);
                    groups.RemoveAt(g);
                    groupTypes.RemoveAt(g);
                }
            }

            groups.Add(merged);
            groupTypes.Add(mergedTypes);
        }

        return groups;
    }

    private bool MatchesGroup(List<ComparisonExpression> group, ObservationInput observation)
    {
        if (group.Count == 1)
        {
            return Matches(group[0], observation);
        }

        var types = new List<string>();
        foreach (var expression in group)
        {
            foreach (var type in expression.ObjectTypes)
            {
                if (!types.Contains(type))
                {
                    types.Add(type);
                }
            }
        }

        var candidates = new JsonObject[types.Count][];
        for (var t = 0; t < types.Count; t++)
        {
            candidates[t] = observation.OfType(types[t]);
            if (candidates[t].Length == 0 && !CanHoldWithout(group, types[t]))
            {
                return false;
            }
        }

        return Enumerate(group, types, candidates, 0, null, observation);
    }

    /// <summary>Tries every assignment of objects to the group's types (the types are few, and each list short).</summary>
    private bool Enumerate(List<ComparisonExpression> group, List<string> types, JsonObject[][] candidates, int t, Binding? bound, ObservationInput observation)
    {
        if (t == types.Count)
        {
            budget.Spend();
            foreach (var expression in group)
            {
                if (!Evaluate(expression, bound, observation))
                {
                    return false;
                }
            }

            return true;
        }

        if (candidates[t].Length == 0)
        {
            return Enumerate(group, types, candidates, t + 1, bound, observation);
        }

        foreach (var candidate in candidates[t])
        {
            if (Enumerate(group, types, candidates, t + 1, new Binding(types[t], candidate, bound), observation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>False when a plain comparison of the group needs an object of this type.</summary>
    private static bool CanHoldWithout(List<ComparisonExpression> group, string type)
    {
        foreach (var expression in group)
        {
            if (expression is PropertyComparison or ExistsComparison && string.Equals(expression.ObjectTypes[0], type, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private bool Evaluate(ComparisonExpression expression, Binding? binding, ObservationInput observation)
    {
        switch (expression)
        {
            case ComparisonCombination { Operator: BooleanOperator.And } and:
                foreach (var operand in and.Operands)
                {
                    if (!Evaluate(operand, binding, observation))
                    {
                        return false;
                    }
                }

                return true;
            case ComparisonCombination or:
                foreach (var operand in or.Operands)
                {
                    if (Evaluate(operand, binding, observation))
                    {
                        return true;
                    }
                }

                return false;
            case ExistsComparison exists:
                return Binding.Find(binding, exists.Path.ObjectType) is { } owner && Resolve(owner, exists.Path, observation) > 0;
            case PropertyComparison comparison:
                if (Binding.Find(binding, comparison.Path.ObjectType) is not { } subject)
                {
                    return false;
                }

                var count = Resolve(subject, comparison.Path, observation);
                for (var i = 0; i < count; i++)
                {
                    if (ValueComparer.Test(comparison, values[i]))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private int Resolve(JsonObject subject, ObjectPath path, ObservationInput observation)
    {
        values.Clear();
        PathResolver.Resolve(subject, path, observation, values);
        return values.Count;
    }

    /// <summary>The objects chosen so far, one per type, as a short linked list.</summary>
    private sealed record Binding(string Type, JsonObject Object, Binding? Next)
    {
        public static JsonObject? Find(Binding? binding, string type)
        {
            for (var b = binding; b is not null; b = b.Next)
            {
                if (string.Equals(b.Type, type, StringComparison.Ordinal))
                {
                    return b.Object;
                }
            }

            return null;
        }
    }
}
