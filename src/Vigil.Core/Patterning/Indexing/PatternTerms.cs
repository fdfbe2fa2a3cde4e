using Vigil.Core.Patterning.Evaluation;

namespace Vigil.Core.Patterning.Indexing;

/// <summary>
/// Extracts the equality terms of a pattern: an un-negated <c>=</c> or <c>IN</c> gives its values; OR needs any
/// operand, so it unions their terms (and is not indexable if one operand is not); AND (and FOLLOWEDBY) needs
/// every operand, so the smallest indexable operand set suffices; qualifiers keep their expression's terms.
/// The normalization guarantees that a value the evaluator finds equal to a constant yields the constant's term.
/// </summary>
public static class PatternTerms
{
    public static PatternTermSet ExtractEqualityTerms(StixPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return ForObservation(pattern.Root, extended: false) is { } terms ? new PatternTermSet(true, terms) : PatternTermSet.NotIndexable;
    }

    /// <summary>
    /// Like <see cref="ExtractEqualityTerms"/>, but an un-negated <c>LIKE 'prefix%'</c> also counts (a
    /// <see cref="TermValueKind.TextPrefix"/> term) and so does an un-negated <c>ISSUBSET</c> (an
    /// <see cref="TermValueKind.AddressBlock"/> term). <see cref="IndicatorMatcher"/> indexes these.
    /// </summary>
    public static PatternTermSet ExtractIndexTerms(StixPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return ForObservation(pattern.Root, extended: true) is { } terms ? new PatternTermSet(true, terms) : PatternTermSet.NotIndexable;
    }

    /// <summary>Terms of one observation leaf (used to narrow the observations a leaf is tried on).</summary>
    internal static List<EqualityTerm>? ForComparison(ComparisonExpression expression, bool extended)
    {
        switch (expression)
        {
            case ComparisonCombination { Operator: BooleanOperator.Or } or:
                return Union(or.Operands, e => ForComparison(e, extended));
            case ComparisonCombination and:
                return Smallest(and.Operands, e => ForComparison(e, extended));
            case PropertyComparison { Negated: false, Operator: ComparisonOperator.Equal } equal:
                return Terms(equal.Path, [equal.Value]);
            case PropertyComparison { Negated: false, Operator: ComparisonOperator.In, Value: ListLiteral list } inList:
                return Terms(inList.Path, list.Items);
            case PropertyComparison { Negated: false, Operator: ComparisonOperator.Like, Value: StringLiteral like } prefixed when extended:
                var end = like.Value.AsSpan().IndexOfAny('%', '_');
                var prefix = end < 0 ? like.Value : like.Value[..end];
                return prefix.Length == 0 ? null : [Term(prefixed.Path, TermValueKind.TextPrefix, TextFold.Apply(prefix))];
            case PropertyComparison { Negated: false, Operator: ComparisonOperator.IsSubset, Value: StringLiteral { Network: { } block } } subset when extended:
                return [Term(subset.Path, TermValueKind.AddressBlock, block.ToString())];
            default:
                return null;
        }
    }

    private static EqualityTerm Term(ObjectPath path, TermValueKind kind, string value) =>
        new(path.ObjectType, path.PropertyPath, kind, value) { Path = path };

    private static List<EqualityTerm>? ForObservation(ObservationExpression expression, bool extended) => expression switch
    {
        ObservationLeaf leaf => ForComparison(leaf.Comparison, extended),
        ObservationCombination { Operator: ObservationOperator.Or } or => Union(or.Operands, e => ForObservation(e, extended)),
        ObservationCombination all => Smallest(all.Operands, e => ForObservation(e, extended)),
        QualifiedObservation qualified => ForObservation(qualified.Inner, extended),
        _ => null,
    };

    private static List<EqualityTerm>? Terms(ObjectPath path, IReadOnlyList<PatternLiteral> values)
    {
        var terms = new List<EqualityTerm>(values.Count);
        var seen = values.Count > 1 ? new HashSet<EqualityTerm>() : null;
        foreach (var literal in values)
        {
            switch (TermNormalizer.KeyForLiteral(literal, path.LastKey, out var kind, out var value))
            {
                case TermNormalizer.Outcome.NotIndexable:
                    return null;
                case TermNormalizer.Outcome.Key:
                    var term = Term(path, kind, value);
                    if (seen is null || seen.Add(term))
                    {
                        terms.Add(term);
                    }

                    break;
            }
        }

        return terms;
    }

    private static List<EqualityTerm>? Union<T>(IReadOnlyList<T> operands, Func<T, List<EqualityTerm>?> extract)
    {
        var union = new List<EqualityTerm>();
        var seen = new HashSet<EqualityTerm>();
        foreach (var operand in operands)
        {
            if (extract(operand) is not { } terms)
            {
                return null;
            }

            foreach (var term in terms)
            {
                if (seen.Add(term))
                {
                    union.Add(term);
                }
            }
        }

        return union;
    }

    private static List<EqualityTerm>? Smallest<T>(IReadOnlyList<T> operands, Func<T, List<EqualityTerm>?> extract)
    {
        List<EqualityTerm>? best = null;
        foreach (var operand in operands)
        {
            if (extract(operand) is { } terms && (best is null || terms.Count < best.Count))
            {
                best = terms;
            }
        }

        return best;
    }
}
