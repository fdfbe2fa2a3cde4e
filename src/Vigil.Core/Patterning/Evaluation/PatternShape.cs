namespace Vigil.Core.Patterning.Evaluation;

/// <summary>Structural facts about a pattern that matching relies on.</summary>
internal static class PatternShape
{
    /// <summary>The most observations one match can use (saturates at int.MaxValue). A pattern with 1 is matched by single observations.</summary>
    public static int MaxObservations(ObservationExpression expression)
    {
        switch (expression)
        {
            case ObservationLeaf:
                return 1;
            case ObservationCombination { Operator: ObservationOperator.Or } or:
                var max = 0;
                foreach (var operand in or.Operands)
                {
                    max = Math.Max(max, MaxObservations(operand));
                }

                return max;
            case ObservationCombination all:
                long sum = 0;
                foreach (var operand in all.Operands)
                {
                    sum += MaxObservations(operand);
                }

                return (int)Math.Min(sum, int.MaxValue);
            case QualifiedObservation { Qualifier: RepeatsQualifier repeats } repeated:
                return (int)Math.Min((long)repeats.Count * MaxObservations(repeated.Inner), int.MaxValue);
            case QualifiedObservation qualified:
                return MaxObservations(qualified.Inner);
            default:
                return int.MaxValue;
        }
    }

    /// <summary>Every observation leaf, in pattern order.</summary>
    public static List<ObservationLeaf> Leaves(ObservationExpression expression)
    {
        var leaves = new List<ObservationLeaf>();
        Collect(expression, leaves);
        return leaves;
    }

    private static void Collect(ObservationExpression expression, List<ObservationLeaf> leaves)
    {
        switch (expression)
        {
            case ObservationLeaf leaf:
                leaves.Add(leaf);
                break;
            case ObservationCombination combination:
                foreach (var operand in combination.Operands)
                {
                    Collect(operand, leaves);
                }

                break;
            case QualifiedObservation qualified:
                Collect(qualified.Inner, leaves);
                break;
        }
    }
}
