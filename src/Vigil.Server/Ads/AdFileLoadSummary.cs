using Vigil.Ads.Submission;

namespace Vigil.Server.Ads;

/// <summary>
/// What loading one archive file did: rows read, ads created, new versions, unchanged (already archived as they are: a re-import),
/// and every skipped row with its row, line, field and reason.
/// </summary>
public sealed record AdFileLoadSummary(string Path, string Format, int Rows, int Created, int NewVersions, int Unchanged, IReadOnlyList<AdRejection> Skipped)
{
    public int Imported => Created + NewVersions + Unchanged;
}
