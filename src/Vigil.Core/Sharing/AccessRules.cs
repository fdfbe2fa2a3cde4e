namespace Vigil.Core.Sharing;

/// <summary>
/// The sharing rule in one place, as plain code. Storage turns the same rule into a query filter; tests use this
/// as the oracle the query must agree with. Collection read access is checked separately. Hub admins get no
/// bypass: running the hub does not entitle anyone to read what members marked for others.
/// </summary>
public static class AccessRules
{
    public static bool CanSee(Reader reader, Audience audience)
    {
        if (reader.OrgId is not null && reader.OrgId == audience.AuthorOrgId)
        {
            return true;
        }

        return audience.Tlp switch
        {
            TlpLevel.Clear => true,
            TlpLevel.Green => reader.OrgId is not null,
            _ => reader.OrgId is not null && Intersects(reader.Principals, audience.Principals),
        };
    }

    private static bool Intersects(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            for (var j = 0; j < b.Count; j++)
            {
                if (string.Equals(a[i], b[j], StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
