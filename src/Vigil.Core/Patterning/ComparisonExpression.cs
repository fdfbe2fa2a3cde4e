namespace Vigil.Core.Patterning;

/// <summary>A node of the comparison level (inside brackets): a property test, EXISTS, or an AND/OR combination.</summary>
public abstract record ComparisonExpression(int Position)
{
    /// <summary>The distinct object types this expression tests, in first-seen order.</summary>
    public abstract IReadOnlyList<string> ObjectTypes { get; }
}
