namespace Vigil.Core.Patterning;

public enum ObservationOperator
{
    And,
    Or,
    FollowedBy,
}
