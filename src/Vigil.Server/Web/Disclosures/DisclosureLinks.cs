namespace Vigil.Server.Web.Disclosures;

/// <summary>The addresses of the public disclosure pages and the publish form.</summary>
public static class DisclosureLinks
{
    public const string Index = "/disclosures";

    public static string Page(string id) => Index + "/" + Uri.EscapeDataString(id);

    public static string Publish(string caseId) => "/response/cases/" + Uri.EscapeDataString(caseId) + "/disclose";
}
