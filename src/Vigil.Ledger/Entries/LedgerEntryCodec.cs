using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Stix.Json;
using Vigil.Ledger.Errors;

namespace Vigil.Ledger.Entries;

/// <summary>
/// Ledger entries as RFC 8785 canonical JSON: <c>{"at":…,"type":…, members…}</c>. Parsing is strict: the bytes must be
/// the canonical form, the type known, every required member present and valid, and no other member present.
/// </summary>
public static class LedgerEntryCodec
{
    /// <summary>The canonical JSON bytes of an event.</summary>
    public static byte[] Serialize(LedgerEvent ledgerEvent)
    {
        ArgumentNullException.ThrowIfNull(ledgerEvent);
        var json = new JsonObject
        {
            ["type"] = ledgerEvent.Type,
            ["at"] = EntryFields.FormatTime(ledgerEvent.OccurredAt),
        };
        ledgerEvent.WriteMembers(json);
        return CanonicalJson.SerializeToUtf8Bytes(json);
    }

    /// <summary>Parses an entry; throws <see cref="LedgerException"/> (MalformedEntry) naming the entry index and what is wrong.</summary>
    public static LedgerEvent Parse(ReadOnlySpan<byte> entry, long? index = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(entry.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw new LedgerException(LedgerFailure.MalformedEntry, Where(index) + $"is not valid JSON ({e.Message}).", index);
        }

        using (document)
        {
            return Read(document.RootElement, entry, index);
        }
    }

    private static LedgerEvent Read(JsonElement json, ReadOnlySpan<byte> entry, long? index)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new LedgerException(LedgerFailure.MalformedEntry, Where(index) + "is not a JSON object.", index);
        }

        var reader = new EntryReader(json, index);
        var type = reader.Text("type");
        LedgerEvent result = type switch
        {
            ObjectShared.TypeName => ObjectShared.Read(reader),
            ObjectRead.TypeName => ObjectRead.Read(reader),
            RequestSent.TypeName => RequestSent.Read(reader),
            RequestAnswered.TypeName => RequestAnswered.Read(reader),
            LegalProcessAttached.TypeName => LegalProcessAttached.Read(reader),
            ShareRefused.TypeName => ShareRefused.Read(reader),
            PolicyChanged.TypeName => PolicyChanged.Read(reader),
            DisclosurePublished.TypeName => DisclosurePublished.Read(reader),
            DataDeleted.TypeName => DataDeleted.Read(reader),
            _ => throw reader.Bad($"type '{type}' is unknown"),
        };
        reader.EnsureNoOtherMembers();
        if (!entry.SequenceEqual(Serialize(result)))
        {
            throw reader.Bad("the bytes are not the canonical (RFC 8785) form of the entry");
        }

        return result;
    }

    private static string Where(long? index) => index is null ? "Ledger entry " : $"Ledger entry {index} ";
}
