namespace Vigil.Core.Patterning;

public enum BooleanOperator
{
    And,
    Or,
}
