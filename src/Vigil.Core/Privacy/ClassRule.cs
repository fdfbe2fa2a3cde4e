using Vigil.Core.Members;

namespace Vigil.Core.Privacy;

/// <summary>
/// Where one content class may flow: the member sectors that may receive it, and the legal-process types that let it
/// reach government members when <see cref="Sectors"/> does not include <see cref="Sector.Government"/>.
/// </summary>
public sealed record ClassRule
{
    public required string ContentClass { get; init; }
    public required IReadOnlyList<Sector> Sectors { get; init; }
    public IReadOnlyList<string> GovernmentLegalProcess { get; init; } = [];

    public bool Allows(Sector sector) => Sectors.Contains(sector);
}
