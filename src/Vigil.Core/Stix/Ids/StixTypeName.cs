namespace Vigil.Core.Stix.Ids;

/// <summary>
/// STIX type-name rules: 3 to 250 characters of lowercase ASCII letters, digits and single hyphens,
/// starting with a letter and not ending with a hyphen.
/// </summary>
public static class StixTypeName
{
    public static bool IsValid(ReadOnlySpan<char> name)
    {
        if (name.Length is < 3 or > 250 || name[0] is < 'a' or > 'z' || name[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                continue;
            }

            if (c != '-' || name[i - 1] == '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Property names: 3 to 250 of lowercase ASCII letters, digits and underscore (the spec's custom-property rule).</summary>
    public static bool IsValidPropertyName(ReadOnlySpan<char> name)
    {
        if (name.Length is < 3 or > 250)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
