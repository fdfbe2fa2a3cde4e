using System.Text.Json;

namespace Vigil.Storage.Cases;

/// <summary>The kebab-case names under which the case and request enums are stored and sent over the API (<c>in-progress</c>).</summary>
public static class EnumNames
{
    public static string Of<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Of(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static T Parse<T>(string text)
        where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new FormatException($"'{text}' is not a {typeof(T).Name} name.");

    /// <summary>Every name of <typeparamref name="T"/>, comma-separated, for error messages.</summary>
    public static string List<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => Of(v)));
}
