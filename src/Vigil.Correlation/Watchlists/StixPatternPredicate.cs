using Vigil.Core.Patterning;
using Vigil.Core.Patterning.Evaluation;

namespace Vigil.Correlation.Watchlists;

/// <summary>
/// Evaluates subscription patterns with Core's <see cref="PatternEvaluator"/>: each pattern is parsed once, up front (an invalid
/// one is refused with the subscription id and the parser's message). A candidate is matched as one untimed observation of its
/// own JSON, or, for <c>observed-data</c>, as that observation with its embedded objects. Pass <see cref="Evaluate"/> to
/// <see cref="WatchlistMatcher"/>. Immutable and thread-safe.
/// </summary>
public sealed class StixPatternPredicate
{
    private readonly Dictionary<string, StixPattern> _patterns = new(StringComparer.Ordinal);

    public StixPatternPredicate(IEnumerable<WatchlistSubscription> subscriptions)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        foreach (var subscription in subscriptions)
        {
            foreach (var pattern in subscription.Patterns)
            {
                if (_patterns.ContainsKey(pattern))
                {
                    continue;
                }

                if (!StixPatternParser.TryParse(pattern, out var parsed, out var error))
                {
                    throw new ArgumentException($"Subscription '{subscription.Id}' has an invalid STIX pattern: {error}", nameof(subscriptions));
                }

                _patterns[pattern] = parsed;
            }
        }
    }

    public bool Evaluate(string pattern, WatchlistCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Json is null || !_patterns.TryGetValue(pattern, out var parsed))
        {
            return false;
        }

        try
        {
            var observation = candidate.Type == "observed-data"
                ? ObservationInput.FromObservedData(candidate.Json)
                : ObservationInput.Untimed(candidate.Json);
            return PatternEvaluator.FindMatch(parsed, [observation]) is not null;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (PatternEvaluationLimitException)
        {
            return false;
        }
    }
}
