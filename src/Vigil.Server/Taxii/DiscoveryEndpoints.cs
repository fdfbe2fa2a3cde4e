using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Server.Admin;
using Vigil.Server.Hosting;
using Vigil.Storage.Members;

namespace Vigil.Server.Taxii;

/// <summary>Server discovery (section 4.1) and API root information (section 4.2).</summary>
internal static class DiscoveryEndpoints
{
    public static async Task<IResult> DiscoveryAsync([FromServices] IMemberStore members, CancellationToken cancellationToken)
    {
        var roots = await ApiRootsAsync(members, cancellationToken).ConfigureAwait(false);
        return TaxiiJsonResult.Ok(json =>
        {
            json.WriteStartObject();
            json.WriteString("title", "Vigil election-integrity threat exchange");
            json.WriteString("description", "STIX 2.1 over TAXII 2.1; every reader sees what the TLP markings and sharing groups allow.");
            json.WriteString("default", RootUrl(AdminApi.DefaultApiRoot));
            json.WriteStartArray("api_roots");
            foreach (var root in roots)
            {
                json.WriteStringValue(RootUrl(root));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    public static async Task<IResult> ApiRootAsync(string apiRoot, [FromServices] IMemberStore members, [FromServices] ServerOptions options,
        CancellationToken cancellationToken)
    {
        var roots = await ApiRootsAsync(members, cancellationToken).ConfigureAwait(false);
        if (!roots.Contains(apiRoot))
        {
            return TaxiiError.NotFound($"No API root '{apiRoot}'; see {TaxiiApi.Prefix}/ for the list.");
        }

        return TaxiiJsonResult.Ok(json =>
        {
            json.WriteStartObject();
            json.WriteString("title", $"Vigil API root '{apiRoot}'");
            json.WriteString("description", "Collections of election-integrity threat information shared by member organizations.");
            json.WriteStartArray("versions");
            json.WriteStringValue(TaxiiMedia.Taxii21);
            json.WriteEndArray();
            json.WriteNumber("max_content_length", options.MaxRequestBodyBytes);
            json.WriteEndObject();
        });
    }

    private static string RootUrl(string root) => $"{TaxiiApi.Prefix}/{Uri.EscapeDataString(root)}/";

    private static async Task<SortedSet<string>> ApiRootsAsync(IMemberStore members, CancellationToken cancellationToken)
    {
        var roots = new SortedSet<string>(StringComparer.Ordinal) { AdminApi.DefaultApiRoot };
        foreach (var collection in await members.ListAllCollectionsAsync(cancellationToken).ConfigureAwait(false))
        {
            roots.Add(collection.ApiRoot);
        }

        return roots;
    }
}
