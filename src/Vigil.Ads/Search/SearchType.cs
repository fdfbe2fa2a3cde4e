namespace Vigil.Ads.Search;

/// <summary>Meta's <c>search_type</c>.</summary>
public enum SearchType
{
    /// <summary><c>KEYWORD_UNORDERED</c>: every term appears somewhere, in any order.</summary>
    KeywordUnordered,

    /// <summary><c>KEYWORD_EXACT_PHRASE</c>: the terms appear consecutively.</summary>
    KeywordExactPhrase,
}
