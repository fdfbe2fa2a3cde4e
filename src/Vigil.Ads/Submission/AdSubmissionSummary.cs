namespace Vigil.Ads.Submission;

/// <summary>Outcome of a bulk submission: counts and every rejection.</summary>
public sealed record AdSubmissionSummary(int Created, int NewVersions, int Unchanged, IReadOnlyList<AdRejection> Rejections)
{
    public int Accepted => Created + NewVersions + Unchanged;
}
