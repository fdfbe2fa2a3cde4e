namespace Vigil.Detection.Signals;

/// <summary>
/// Account pairs that co-acted on one signal: <c>(A[i], B[i])</c> with A &lt; B shared
/// <c>Weight[i]</c> distinct items within the window. Only pairs with at least two co-actions are
/// listed (one co-action is never evidence); <see cref="Count"/> counts them all.
/// </summary>
internal sealed class CandidateEdges
{
    public required int[] A { get; init; }
    public required int[] B { get; init; }
    public required int[] Weight { get; init; }
    /// <summary>Distinct (item, account pair) co-actions produced: the slots the null model distributes.</summary>
    public required long Slots { get; init; }
    /// <summary>Items where the hot-item cap cut pairs.</summary>
    public required int ItemsCapped { get; init; }
    /// <summary>Pairs inside the window that the cap left out.</summary>
    public required long PairsSkipped { get; init; }

    /// <summary>Distinct account pairs with at least one co-action (the candidates the Bonferroni correction counts).</summary>
    public required int Count { get; init; }
}
