using System.Text.RegularExpressions;

namespace Vigil.Server.Admin;

/// <summary>Shapes of the names and ids the admin API accepts.</summary>
internal static partial class AdminValidation
{
    public const int MaxNameLength = 200;
    public const int MinPasswordLength = 10;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    public static partial Regex Slug();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$", RegexOptions.CultureInvariant)]
    public static partial Regex UserName();

    [GeneratedRegex("^identity--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    public static partial Regex IdentityId();

    public static void Name(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["is required and may not be blank"];
        }
        else if (value.Length > MaxNameLength)
        {
            errors[field] = [$"is {value.Length} characters; at most {MaxNameLength} are allowed"];
        }
    }

    public static void OptionalSlug(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (value is not null && !Slug().IsMatch(value))
        {
            errors[field] = ["must be 1-64 lower-case letters, digits and hyphens, starting with a letter or digit"];
        }
    }
}
