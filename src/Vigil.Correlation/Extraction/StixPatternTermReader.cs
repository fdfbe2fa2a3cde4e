using System.Text;
using Vigil.Core.Patterning;

namespace Vigil.Correlation.Extraction;

/// <summary>
/// Reads every un-negated equality term (<c>=</c>, <c>IN</c>) over string literals from a STIX pattern parsed by Core's
/// <see cref="StixPatternParser"/>. Unlike the index terms of <c>PatternTerms</c> (the fewest terms a match needs), this
/// keeps all of them, because correlation wants every value an indicator touches. Terms are numbered by observation leaf.
/// </summary>
public static class StixPatternTermReader
{
    public static bool TryRead(string pattern, out IReadOnlyList<PatternEqualityTerm> terms, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        if (!StixPatternParser.TryParse(pattern, out var parsed, out var parseError))
        {
            terms = [];
            error = parseError.ToString();
            return false;
        }

        var found = new List<PatternEqualityTerm>();
        var observation = 0;
        Walk(parsed.Root, found, ref observation);
        terms = found;
        error = null;
        return true;
    }

    private static void Walk(ObservationExpression expression, List<PatternEqualityTerm> found, ref int observation)
    {
        switch (expression)
        {
            case ObservationLeaf leaf:
                Collect(leaf.Comparison, found, observation);
                observation++;
                break;
            case ObservationCombination combination:
                foreach (var operand in combination.Operands)
                {
                    Walk(operand, found, ref observation);
                }

                break;
            case QualifiedObservation qualified:
                Walk(qualified.Inner, found, ref observation);
                break;
        }
    }

    private static void Collect(ComparisonExpression expression, List<PatternEqualityTerm> found, int observation)
    {
        switch (expression)
        {
            case ComparisonCombination combination:
                foreach (var operand in combination.Operands)
                {
                    Collect(operand, found, observation);
                }

                break;
            case PropertyComparison { Negated: false, Operator: ComparisonOperator.Equal, Value: StringLiteral literal } equal:
                found.Add(new PatternEqualityTerm(equal.Path.ObjectType, PathText(equal.Path), literal.Value, observation, equal.Position));
                break;
            case PropertyComparison { Negated: false, Operator: ComparisonOperator.In, Value: ListLiteral list } inList:
                foreach (var item in list.Items)
                {
                    if (item is StringLiteral text)
                    {
                        found.Add(new PatternEqualityTerm(inList.Path.ObjectType, PathText(inList.Path), text.Value, observation, inList.Position));
                    }
                }

                break;
        }
    }

    /// <summary>The path as the extractor names it: keys joined by '.', unquoted (<c>hashes.SHA-256</c>), list steps as <c>[*]</c> or <c>[n]</c>.</summary>
    private static string PathText(ObjectPath path)
    {
        var builder = new StringBuilder();
        foreach (var step in path.Steps)
        {
            switch (step.Kind)
            {
                case PathStepKind.Key:
                    if (builder.Length > 0)
                    {
                        builder.Append('.');
                    }

                    builder.Append(step.Key);
                    break;
                case PathStepKind.AnyIndex:
                    builder.Append("[*]");
                    break;
                default:
                    builder.Append('[').Append(step.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
                    break;
            }
        }

        return builder.ToString();
    }
}
