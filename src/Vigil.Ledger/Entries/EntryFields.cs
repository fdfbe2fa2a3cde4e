using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Core.Members;

namespace Vigil.Ledger.Entries;

/// <summary>How entry members are written: timestamps, dates, sectors and lists.</summary>
internal static class EntryFields
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    public const string DateFormat = "yyyy-MM-dd";

    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static JsonArray Array(IReadOnlyList<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add(JsonValue.Create(value));
        }

        return array;
    }

    /// <summary>The sector in kebab case: <c>ElectionOffice</c> → <c>election-office</c>.</summary>
    public static string SectorName(Sector sector)
    {
        var name = sector.ToString();
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }
}
