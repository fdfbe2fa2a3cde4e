using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Stix.Ids;
using Vigil.Core.Stix.Model;

namespace Vigil.Core.Stix.Validation;

/// <summary>Checks a property value against the shape its <see cref="PropertySpec"/> demands.</summary>
internal static class PropertyChecks
{
    public static void Check(IssueCollector c, ValidatorOptions o, JsonObject root, string path, PropertySpec spec, JsonNode? value)
    {
        switch (spec.Kind)
        {
            case PropertyKind.String:
                CheckString(c, o, path, value);
                break;
            case PropertyKind.Boolean:
                if (JsonRead.KindOf(value) is not (JsonValueKind.True or JsonValueKind.False))
                {
                    c.Error(path, "must be a boolean");
                }

                break;
            case PropertyKind.Integer:
                if (!JsonRead.TryInteger(value, out _))
                {
                    c.Error(path, "must be an integer");
                }

                break;
            case PropertyKind.Float:
                if (!JsonRead.TryNumber(value, out _))
                {
                    c.Error(path, "must be a number");
                }

                break;
            case PropertyKind.Timestamp:
                CheckTimestamp(c, path, value);
                break;
            case PropertyKind.Identifier:
                CheckIdentifier(c, path, value, spec.RefTypes);
                break;
            case PropertyKind.IdentifierList:
                if (TryList(c, path, value, out var ids, spec.Required))
                {
                    for (var i = 0; i < ids.Count; i++)
                    {
                        CheckIdentifier(c, path, i, ids[i], spec.RefTypes);
                    }
                }
                break;
            case PropertyKind.StringList:
                if (TryList(c, path, value, out var strings, spec.Required))
                {
                    for (var i = 0; i < strings.Count; i++)
                    {
                        if (!JsonRead.TryString(strings[i], out var str) || str.Length > o.MaxStringLength)
                        {
                            CheckString(c, o, IssueCollector.Index(path, i), strings[i]);
                        }
                    }
                }
                break;
            case PropertyKind.OpenVocab:
            case PropertyKind.Enum:
                CheckVocab(c, o, path, value, spec.Vocabulary!);
                break;
            case PropertyKind.OpenVocabList:
            case PropertyKind.EnumList:
                if (TryList(c, path, value, out var terms, spec.Required))
                {
                    for (var i = 0; i < terms.Count; i++)
                    {
                        if (!JsonRead.TryString(terms[i], out var term) || !spec.Vocabulary!.Contains(term))
                        {
                            CheckVocab(c, o, IssueCollector.Index(path, i), terms[i], spec.Vocabulary!);
                        }
                    }
                }
                break;
            case PropertyKind.Hashes:
                EmbeddedTypeChecks.CheckHashes(c, path, value);
                break;
            case PropertyKind.Dictionary:
                EmbeddedTypeChecks.CheckDictionary(c, path, value);
                break;
            case PropertyKind.KillChainPhases:
                if (TryList(c, path, value, out var phases))
                {
                    for (var i = 0; i < phases.Count; i++)
                    {
                        EmbeddedTypeChecks.CheckKillChainPhase(c, o, IssueCollector.Index(path, i), phases[i]);
                    }
                }
                break;
            case PropertyKind.ExternalReferences:
                if (TryList(c, path, value, out var references))
                {
                    for (var i = 0; i < references.Count; i++)
                    {
                        EmbeddedTypeChecks.CheckExternalReference(c, o, IssueCollector.Index(path, i), references[i]);
                    }
                }
                break;
            case PropertyKind.GranularMarkings:
                if (TryList(c, path, value, out var markings))
                {
                    for (var i = 0; i < markings.Count; i++)
                    {
                        EmbeddedTypeChecks.CheckGranularMarking(c, root, IssueCollector.Index(path, i), markings[i]);
                    }
                }
                break;
            case PropertyKind.Extensions:
                // Checked by the validator, which knows the type's predefined extensions.
                break;
            case PropertyKind.Binary:
                if (!JsonRead.TryString(value, out var b64))
                {
                    c.Error(path, "must be a base64 string");
                }
                else if (!Base64.IsValid(b64.AsSpan()))
                {
                    c.Error(path, "is not valid base64");
                }

                break;
            case PropertyKind.Hex:
                if (!JsonRead.TryString(value, out var hex) || !IsHex(hex) || hex.Length % 2 != 0)
                {
                    c.Error(path, "must be a string of hexadecimal octets");
                }

                break;
            case PropertyKind.Object:
                if (value is not JsonObject)
                {
                    c.Error(path, "must be an object");
                }

                break;
            case PropertyKind.ObjectList:
                if (TryList(c, path, value, out var items))
                {
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (items[i] is not JsonObject)
                        {
                            c.Error(IssueCollector.Index(path, i), "must be an object");
                        }
                    }
                }
                break;
            case PropertyKind.Any:
                break;
        }
    }

    public static void CheckString(IssueCollector c, ValidatorOptions o, string path, JsonNode? value)
    {
        if (!JsonRead.TryString(value, out var s))
        {
            c.Error(path, "must be a string");
        }
        else if (s.Length > o.MaxStringLength)
        {
            c.Error(path, $"is {s.Length} characters long; the limit is {o.MaxStringLength}");
        }
    }

    public static StixTimestamp? CheckTimestamp(IssueCollector c, string path, JsonNode? value)
    {
        if (!JsonRead.TryString(value, out var s))
        {
            c.Error(path, "must be a timestamp string (YYYY-MM-DDTHH:MM:SS[.s+]Z)");
            return null;
        }

        if (!StixTimestamp.TryParse(s, out var ts))
        {
            c.Error(path, $"'{Clip(s)}' is not a STIX timestamp (RFC 3339 in UTC: YYYY-MM-DDTHH:MM:SS[.s+]Z)");
            return null;
        }

        return ts;
    }

    /// <summary>Checks list item <paramref name="index"/>; its path is only built when something is wrong.</summary>
    public static void CheckIdentifier(IssueCollector c, string listPath, int index, JsonNode? value, IReadOnlyList<string>? refTypes)
    {
        if (!JsonRead.TryString(value, out var s) || !StixId.TryParse(s, out var id) || (refTypes is not null && !Contains(refTypes, id.Type)))
        {
            CheckIdentifier(c, IssueCollector.Index(listPath, index), value, refTypes);
        }
    }

    public static bool CheckIdentifier(IssueCollector c, string path, JsonNode? value, IReadOnlyList<string>? refTypes)
    {
        if (!JsonRead.TryString(value, out var s))
        {
            c.Error(path, "must be an identifier string (type--UUID)");
            return false;
        }

        if (!StixId.TryParse(s, out var id))
        {
            c.Error(path, $"'{Clip(s)}' is not an identifier (type--UUID)");
            return false;
        }

        if (refTypes is not null && !Contains(refTypes, id.Type))
        {
            c.Error(path, $"must reference {string.Join(" or ", refTypes)}, not {id.Type}");
            return false;
        }

        return true;
    }

    public static void CheckVocab(IssueCollector c, ValidatorOptions o, string path, JsonNode? value, Vocabulary vocab)
    {
        if (!JsonRead.TryString(value, out var s))
        {
            c.Error(path, "must be a string");
            return;
        }

        if (vocab.Contains(s))
        {
            return;
        }

        if (vocab.IsOpen)
        {
            CheckString(c, o, path, value);
            c.Warn(path, $"'{Clip(s)}' is not in the open vocabulary {vocab.Name}");
        }
        else
        {
            c.Error(path, $"'{Clip(s)}' is not one of {vocab.Name}: {string.Join(", ", vocab.Values)}");
        }
    }

    public static void CheckLang(IssueCollector c, string path, JsonNode? value)
    {
        if (!JsonRead.TryString(value, out var s))
        {
            c.Error(path, "must be a language tag string (RFC 5646)");
        }
        else if (!LanguageTag.IsWellFormed(s))
        {
            c.Error(path, $"'{Clip(s)}' is not an RFC 5646 language tag");
        }
    }

    /// <summary>The value as a non-empty list; reports a non-list, and warns about an empty one.</summary>
    public static bool TryList(IssueCollector c, string path, JsonNode? value, [NotNullWhen(true)] out JsonArray? array, bool required = false)
    {
        array = value as JsonArray;
        if (array is null)
        {
            c.Error(path, "must be a list");
            return false;
        }

        if (array.Count == 0)
        {
            if (required)
            {
                c.Error(path, "must hold at least one item");
            }
            else
            {
                c.Warn(path, "an empty list should be omitted");
            }

            return false;
        }

        return true;
    }

    public static bool IsHex(string s)
    {
        foreach (var ch in s)
        {
            if (!char.IsAsciiHexDigit(ch))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsLowerHyphenated(string s)
    {
        foreach (var ch in s)
        {
            if (ch is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Quotes at most 80 characters of bad input back, so a huge value does not flood an error message.</summary>
    public static string Clip(string s) => s.Length <= 80 ? s : string.Concat(s.AsSpan(0, 77), "...");
}
