namespace Vigil.Core.Sharing;

/// <summary>The TLP marking-definition ids: TLP 2.0 (OASIS extension) and the TLP 1.0 ids of STIX 2.1 itself, mapped onto 2.0.</summary>
public static class Tlp
{
    public const string ClearId = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
    public const string GreenId = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    public const string AmberId = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
    public const string AmberStrictId = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
    public const string RedId = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";

    public const string V1WhiteId = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";
    public const string V1GreenId = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";
    public const string V1AmberId = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
    public const string V1RedId = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";

    public static string IdOf(TlpLevel level) => level switch
    {
        TlpLevel.Clear => ClearId,
        TlpLevel.Green => GreenId,
        TlpLevel.Amber => AmberId,
        TlpLevel.AmberStrict => AmberStrictId,
        _ => RedId,
    };

    public static string NameOf(TlpLevel level) => level switch
    {
        TlpLevel.Clear => "TLP:CLEAR",
        TlpLevel.Green => "TLP:GREEN",
        TlpLevel.Amber => "TLP:AMBER",
        TlpLevel.AmberStrict => "TLP:AMBER+STRICT",
        _ => "TLP:RED",
    };

    public static TlpLevel? LevelOf(string markingId) => markingId switch
    {
        ClearId or V1WhiteId => TlpLevel.Clear,
        GreenId or V1GreenId => TlpLevel.Green,
        AmberId or V1AmberId => TlpLevel.Amber,
        AmberStrictId => TlpLevel.AmberStrict,
        RedId or V1RedId => TlpLevel.Red,
        _ => null,
    };

    /// <summary>The most restrictive TLP among the refs, or null when none is a TLP marking.</summary>
    public static TlpLevel? Strictest(IEnumerable<string> markingRefs)
    {
        ArgumentNullException.ThrowIfNull(markingRefs);
        TlpLevel? strictest = null;
        foreach (var id in markingRefs)
        {
            if (LevelOf(id) is { } level && (strictest is null || level > strictest))
            {
                strictest = level;
            }
        }

        return strictest;
    }
}
