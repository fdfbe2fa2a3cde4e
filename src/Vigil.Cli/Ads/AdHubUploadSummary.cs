using Vigil.Ads.Submission;

namespace Vigil.Cli.Ads;

/// <summary>
/// What <c>vigil ads import --hub</c> did with one file: rows read, what the hub accepted (new ads, new versions, unchanged) and
/// every rejection, by the file's row and line, whether this command could not read the row or the hub refused the ad.
/// </summary>
public sealed record AdHubUploadSummary(string Path, string Format, int Rows, int Created, int NewVersions, int Unchanged, IReadOnlyList<AdRejection> Rejections)
{
    public int Accepted => Created + NewVersions + Unchanged;

    public int RejectedRows => Rejections.Select(r => r.Row).Distinct().Count();
}
