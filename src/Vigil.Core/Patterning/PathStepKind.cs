namespace Vigil.Core.Patterning;

public enum PathStepKind
{
    Key,
    Index,
    AnyIndex,
}
