using System.Globalization;
using Vigil.Storage.Cases;

namespace Vigil.Server.Web.Response;

/// <summary>How the Response pages write enum values and times.</summary>
public static class ResponseText
{
    /// <summary>"in-progress" as "In progress".</summary>
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var words = EnumNames.Of(value).Replace('-', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
