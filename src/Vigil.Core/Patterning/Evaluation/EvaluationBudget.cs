namespace Vigil.Core.Patterning.Evaluation;

/// <summary>Counts evaluation steps so that a pathological pattern or input fails clearly instead of running for hours.</summary>
internal sealed class EvaluationBudget(long limit)
{
    private long spent;

    public void Reset() => spent = 0;

    public void Spend()
    {
        if (++spent > limit)
        {
            throw new PatternEvaluationLimitException(limit);
        }
    }
}
