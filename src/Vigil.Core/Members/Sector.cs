namespace Vigil.Core.Members;

/// <summary>What kind of member an organization is; oversight rules and statistics group by it.</summary>
public enum Sector
{
    Platform,
    Government,
    ElectionOffice,
    Research,
    CivilSociety,
    Hub,
}
