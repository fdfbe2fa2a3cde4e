using Vigil.Ads.Model;
using Vigil.Ads.Validation;

namespace Vigil.Ads.Import;

/// <summary>
/// One imported row: an ad, or the problems that rejected it. <see cref="Row"/> is the 1-based record number after the header
/// (CSV), the position in <c>data</c> (Meta JSON) or the line number (JSON Lines); <see cref="Line"/> is the file line it starts on.
/// </summary>
public sealed record AdImportItem(int Row, int Line, Ad? Ad, IReadOnlyList<AdProblem> Problems)
{
    public bool Accepted => Ad is not null;

    public static AdImportItem Reject(int row, int line, string field, string reason) => new(row, line, null, [new AdProblem(field, reason)]);
}
