namespace Vigil.Core.Patterning.Evaluation;

/// <summary>Thrown when deciding a match would take more than the allowed number of steps.</summary>
public sealed class PatternEvaluationLimitException : Exception
{
    public PatternEvaluationLimitException(long steps)
        : base($"pattern evaluation gave up after {steps} steps; the pattern and observations combine into too many candidate matches")
    {
        Steps = steps;
    }

    public PatternEvaluationLimitException()
        : this(0)
    {
    }

    public PatternEvaluationLimitException(string message)
        : base(message)
    {
    }

    public PatternEvaluationLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long Steps { get; }
}
