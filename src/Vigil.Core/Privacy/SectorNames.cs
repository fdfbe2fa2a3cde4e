using Vigil.Core.Members;

namespace Vigil.Core.Privacy;

/// <summary>Sectors as policy documents spell them: <c>platform</c>, <c>government</c>, <c>election-office</c>, <c>research</c>, <c>civil-society</c>, <c>hub</c>.</summary>
public static class SectorNames
{
    private static readonly (Sector Sector, string Name)[] Names =
    [
        (Sector.Platform, "platform"),
        (Sector.Government, "government"),
        (Sector.ElectionOffice, "election-office"),
        (Sector.Research, "research"),
        (Sector.CivilSociety, "civil-society"),
        (Sector.Hub, "hub"),
    ];

    public static IReadOnlyList<Sector> All { get; } = [.. Names.Select(n => n.Sector)];

    public static string NameOf(Sector sector) => Names.First(n => n.Sector == sector).Name;

    public static bool TryParse(string? name, out Sector sector)
    {
        foreach (var (s, n) in Names)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                sector = s;
                return true;
            }
        }

        sector = default;
        return false;
    }

    public static string Expected => string.Join(", ", Names.Select(n => n.Name));
}
