namespace Vigil.Core.Patterning;

public enum ComparisonOperator
{
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    In,
    Like,
    Matches,
    IsSubset,
    IsSuperset,
}
