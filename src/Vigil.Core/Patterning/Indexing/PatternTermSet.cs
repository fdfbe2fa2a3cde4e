namespace Vigil.Core.Patterning.Indexing;

/// <summary>
/// For an indexable pattern, terms of which at least one is met by the observed objects whenever the pattern
/// matches (an empty set means the pattern can never match). A pattern that is not indexable needs full evaluation.
/// </summary>
public sealed record PatternTermSet(bool IsIndexable, IReadOnlyList<EqualityTerm> Terms)
{
    public static PatternTermSet NotIndexable { get; } = new(false, []);
}
