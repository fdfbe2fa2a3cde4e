namespace Vigil.Core.Patterning;

/// <summary>Two or more comparison expressions joined by AND or OR.</summary>
public sealed record ComparisonCombination : ComparisonExpression
{
    public ComparisonCombination(BooleanOperator @operator, IReadOnlyList<ComparisonExpression> operands, int position)
        : base(position)
    {
        Operator = @operator;
        Operands = operands;
        var types = new List<string>();
        foreach (var operand in operands)
        {
            foreach (var type in operand.ObjectTypes)
            {
                if (!types.Contains(type))
                {
                    types.Add(type);
                }
            }
        }

        ObjectTypes = types;
    }

    public BooleanOperator Operator { get; }

    public IReadOnlyList<ComparisonExpression> Operands { get; }

    public override IReadOnlyList<string> ObjectTypes { get; }
}
