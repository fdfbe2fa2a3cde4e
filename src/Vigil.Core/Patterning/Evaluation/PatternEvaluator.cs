using System.Text.Json.Nodes;

namespace Vigil.Core.Patterning.Evaluation;

/// <summary>Decides whether observations match a STIX pattern.</summary>
public static class PatternEvaluator
{
    /// <summary>Evaluation steps allowed per call before <see cref="PatternEvaluationLimitException"/> is thrown.</summary>
    public const long DefaultStepLimit = 2_000_000;

    /// <exception cref="PatternEvaluationLimitException">Deciding would take more than <see cref="DefaultStepLimit"/> steps.</exception>
    public static bool Matches(StixPattern pattern, IReadOnlyList<ObservationInput> observations) => FindMatch(pattern, observations) is not null;

    public static bool Matches(StixPattern pattern, ObservationInput observation) => FindMatch(pattern, [observation]) is not null;

    /// <summary>Matches one observable whose time is unknown (time qualifiers cannot rule it out).</summary>
    public static bool Matches(StixPattern pattern, JsonObject sco) => FindMatch(pattern, [ObservationInput.Untimed(sco)]) is not null;

    /// <summary>The indices of the observations that make up one match (ascending), or null when there is none.</summary>
    /// <exception cref="PatternEvaluationLimitException">Deciding would take more than <paramref name="stepLimit"/> steps.</exception>
    public static IReadOnlyList<int>? FindMatch(StixPattern pattern, IReadOnlyList<ObservationInput> observations, long stepLimit = DefaultStepLimit)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepLimit);
        return FindMatch(pattern.Root, observations, null, new EvaluationBudget(stepLimit));
    }

    internal static int[]? FindMatch(ObservationExpression root, IReadOnlyList<ObservationInput> observations,
        Func<ObservationLeaf, IReadOnlyList<int>?>? leafCandidates, EvaluationBudget budget)
    {
        if (observations.Count == 0)
        {
            return null;
        }

        var search = new BindingSearch(observations, PatternShape.MaxObservations(root), budget, leafCandidates);
        return search.FindMatch(root);
    }
}
