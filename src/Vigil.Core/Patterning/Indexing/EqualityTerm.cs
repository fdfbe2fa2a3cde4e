namespace Vigil.Core.Patterning.Indexing;

/// <summary>
/// A value an object property must have for a pattern to match, normalized so that every value the evaluator
/// would call equal yields the same term (the normalization may merge values the evaluator tells apart).
/// </summary>
public sealed record EqualityTerm(string ObjectType, string PropertyPath, TermValueKind Kind, string Value)
{
    /// <summary>The parsed path the term is read through.</summary>
    public required ObjectPath Path { get; init; }

    public bool Equals(EqualityTerm? other) =>
        other is not null && Kind == other.Kind && string.Equals(ObjectType, other.ObjectType, StringComparison.Ordinal)
        && string.Equals(PropertyPath, other.PropertyPath, StringComparison.Ordinal) && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(ObjectType, PropertyPath, Kind, Value);

    public override string ToString() => $"{ObjectType}:{PropertyPath} = {Kind}:{Value}";
}
