namespace Vigil.Core.Patterning.Evaluation;

internal enum ScalarKind
{
    None,
    String,
    Integer,
    Float,
    Boolean,
    Binary,
}
