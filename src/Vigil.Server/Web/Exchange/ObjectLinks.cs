namespace Vigil.Server.Web.Exchange;

/// <summary>Addresses of the exchange pages.</summary>
public static class ObjectLinks
{
    public const string Browser = "/exchange/objects";

    public static string Detail(string id) => Browser + "/" + Uri.EscapeDataString(id);
}
