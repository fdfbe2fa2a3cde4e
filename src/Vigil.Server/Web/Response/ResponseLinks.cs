namespace Vigil.Server.Web.Response;

/// <summary>The addresses of the Response part's pages.</summary>
public static class ResponseLinks
{
    public const string Cases = "/response";
    public const string NewCase = "/response/cases/new";
    public const string Inbox = "/response/requests";
    public const string Outbox = "/response/requests/outbox";
    public const string NewRequest = "/response/requests/new";
    public const string Elections = "/response/elections";

    public static string Case(string id) => "/response/cases/" + Uri.EscapeDataString(id);

    public static string Request(string id) => "/response/requests/" + Uri.EscapeDataString(id);

    public static string RequestAbout(string caseId) => NewRequest + "?case=" + Uri.EscapeDataString(caseId);

    public static string Election(string id) => "/response/elections/" + Uri.EscapeDataString(id);
}
