namespace Vigil.Ledger.Notes;

/// <summary>Standard padded base64 accepted only in its one canonical spelling: no whitespace, no spare bits.</summary>
internal static class StrictBase64
{
    public static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length % 4 != 0)
        {
            return false;
        }

        try
        {
            var decoded = Convert.FromBase64String(text);
            if (Convert.ToBase64String(decoded) != text)
            {
                return false;
            }

            bytes = decoded;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
