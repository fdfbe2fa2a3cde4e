namespace Vigil.Ads.Validation;

/// <summary>Why an ad (or an import row) is rejected: the field, in Meta's field naming where one exists, and the reason.</summary>
public sealed record AdProblem(string Field, string Reason)
{
    public override string ToString() => $"{Field}: {Reason}";
}
