namespace Vigil.Server.Web;

/// <summary>The parts the navigation lists, in order. A part's own pages are added as they are built; until then its page says where its API is.</summary>
public static class WebParts
{
    public static readonly WebPart Exchange = new("Exchange", "/exchange/objects", ["/exchange"],
        "STIX objects shared by members, as the TLP markings and sharing groups allow.", ["/taxii2/", "/api/rest/objects"]);

    public static readonly IReadOnlyList<WebPart> All =
    [
        Exchange,
        new("Correlation", "/correlation", ["/correlation"],
            "Which members saw the same observable, sightings reported by members, and alerts from watchlists.", ["/api/rest/observables", "/api/rest/sightings", "/api/rest/watchlists"]),
        new("Detection", "/detection", ["/detection"],
            "Coordinated-account detection on activity data (vigil detect), published as STIX.", ["vigil detect --publish"]),
        new("Media", "/media", ["/media"],
            "Perceptual-hash matching of images and videos against the shared hash banks.", ["/api/media/match"]),
        new("Response", "/response", ["/response"],
            "Cases, requests between members and public disclosures.", ["/api/rest/cases", "/api/rest/requests", "/api/rest/elections"]),
        new("Oversight", "/oversight", ["/oversight"],
            "The transparency log of the hub's actions and its checkpoints.", ["/log/checkpoint"]),
        new("Ads", "/ads", ["/ads"],
            "Political-ad submissions, rule checks and the public ad archive.", ["/api/ads", "/public/ads_archive"]),
    ];
}
