using System.Text.Json.Nodes;
using Vigil.Core.Sharing;

namespace Vigil.Core.Stix.Markings;

/// <summary>
/// The built-in TLP marking-definition objects: TLP 2.0 as published by OASIS (a property extension,
/// <see cref="Tlp2ExtensionDefinitionId"/>) and the four TLP 1.0 objects that STIX 2.1 itself defines.
/// Each call returns a fresh copy.
/// </summary>
public static class TlpMarkings
{
    public const string Tlp2ExtensionDefinitionId = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    public const string Tlp2Created = "2022-10-01T00:00:00.000Z";

    public const string Tlp1Created = "2017-01-20T00:00:00.000Z";

    private static readonly TlpLevel[] Levels = [TlpLevel.Clear, TlpLevel.Green, TlpLevel.Amber, TlpLevel.AmberStrict, TlpLevel.Red];

    /// <summary>The TLP 2.0 value of the extension's <c>tlp_2_0</c> property.</summary>
    public static string Tlp2Value(TlpLevel level) => level switch
    {
        TlpLevel.Clear => "clear",
        TlpLevel.Green => "green",
        TlpLevel.Amber => "amber",
        TlpLevel.AmberStrict => "amber+strict",
        _ => "red",
    };

    /// <summary>The TLP 2.0 marking-definition for <paramref name="level"/>, exactly as OASIS publishes it.</summary>
    public static JsonObject Tlp2(TlpLevel level) => new()
    {
        ["type"] = "marking-definition",
        ["spec_version"] = "2.1",
        ["id"] = Tlp.IdOf(level),
        ["created"] = Tlp2Created,
        ["name"] = Tlp.NameOf(level),
        ["extensions"] = new JsonObject
        {
            [Tlp2ExtensionDefinitionId] = new JsonObject
            {
                ["extension_type"] = "property-extension",
                ["tlp_2_0"] = Tlp2Value(level),
            },
        },
    };

    /// <summary>All five TLP 2.0 marking-definitions, CLEAR to RED.</summary>
    public static IReadOnlyList<JsonObject> AllTlp2()
    {
        var all = new JsonObject[Levels.Length];
        for (var i = 0; i < Levels.Length; i++)
        {
            all[i] = Tlp2(Levels[i]);
        }

        return all;
    }

    /// <summary>The TLP 1.0 marking-definitions STIX 2.1 predefines (white, green, amber, red).</summary>
    public static IReadOnlyList<JsonObject> AllTlp1() =>
    [
        Tlp1(Tlp.V1WhiteId, "white"),
        Tlp1(Tlp.V1GreenId, "green"),
        Tlp1(Tlp.V1AmberId, "amber"),
        Tlp1(Tlp.V1RedId, "red"),
    ];

    /// <summary>The published form of a built-in TLP marking id (1.0 or 2.0), or null when the id is not one.</summary>
    public static JsonObject? BuiltIn(string markingId)
    {
        ArgumentNullException.ThrowIfNull(markingId);
        foreach (var level in Levels)
        {
            if (Tlp.IdOf(level) == markingId)
            {
                return Tlp2(level);
            }
        }

        foreach (var v1 in AllTlp1())
        {
            if ((string?)v1["id"] == markingId)
            {
                return v1;
            }
        }

        return null;
    }

    private static JsonObject Tlp1(string id, string color) => new()
    {
        ["type"] = "marking-definition",
        ["spec_version"] = "2.1",
        ["id"] = id,
        ["created"] = Tlp1Created,
        ["definition_type"] = "tlp",
        ["name"] = "TLP:" + color.ToUpperInvariant(),
        ["definition"] = new JsonObject { ["tlp"] = color },
    };
}
