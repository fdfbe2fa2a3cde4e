using System.Data.Common;
using System.Text.Json.Nodes;
using Vigil.Core.Sharing;

namespace Vigil.Storage.Objects;

public sealed partial class SqlObjectStore
{
    /// <summary>Who may add this version: its author, or a reader re-sharing the author's unchanged, shareable version.</summary>
    private async Task<ObjectFailure?> CheckAsync(DbConnection connection, DbTransaction transaction, EnvelopeWrite write, PlannedObject plan,
        List<VersionRow> rows, CancellationToken cancellationToken)
    {
        var where = $"objects[{plan.Index}]";
        if (Core.Stix.Model.StixTypes.KindOf(plan.Type) == Core.Stix.Model.StixKind.Observable && !plan.IsReshare)
        {
            // An observable's id is derived from its value, so every member that sees the same URL or account names it
            // with the same id. It is a fact, not a claim anyone owns: each member's post is kept as its own version.
            return null;
        }

        if (!plan.IsReshare)
        {
            foreach (var row in rows)
            {
                if (row.AuthorOrgId != plan.AuthorOrgId)
                {
                    return new ObjectFailure(plan.Index, plan.Id, plan.Version,
                        $"{where}.id: {plan.Id} was shared by another organization; only its author may add versions.");
                }
            }

            return null;
        }

        VersionRow? original = null;
        foreach (var row in rows)
        {
            if (row.Pending is null && row.AuthorOrgId == plan.AuthorOrgId && plan.VersionTicks == row.VersionTicks)
            {
                original = row;
                if (row.CollectionId == write.Collection.Id)
                {
                    break;
                }
            }
        }

        if (original is null)
        {
            return new ObjectFailure(plan.Index, plan.Id, plan.Version,
                $"{where}.created_by_ref: names another member organization; an organization may only share objects as itself, or re-share another's object unchanged.");
        }

        original.Principals ??= await LoadPrincipalsAsync(connection, transaction, original.Seq, cancellationToken).ConfigureAwait(false);
        if (!AccessRules.CanSee(write.Writer, new Audience(original.Tlp, original.AuthorOrgId, original.Principals)))
        {
            return new ObjectFailure(plan.Index, plan.Id, plan.Version,
                $"{where}.created_by_ref: names another member organization; an organization may only share objects as itself, or re-share another's object unchanged.");
        }

        if (original.CollectionId != write.Collection.Id && original.Tlp >= TlpLevel.AmberStrict)
        {
            return new ObjectFailure(plan.Index, plan.Id, plan.Version,
                $"{where}: {plan.Id} is marked {Tlp.NameOf(original.Tlp)} by its author and may not be shared onward into another collection.");
        }

        var stored = await LoadJsonAsync(connection, transaction, original.Seq, cancellationToken).ConfigureAwait(false);
        if (!JsonNode.DeepEquals(JsonNode.Parse(stored), plan.Submission.Object.Json))
        {
            return new ObjectFailure(plan.Index, plan.Id, plan.Version,
                $"{where}: differs from the version {plan.Version} its author shared; only the author may change an object.");
        }

        return null;
    }

    /// <summary>A revocation reaches everyone who could see any earlier version, plus its own audience.</summary>
    private async Task<(TlpLevel, string[])> RevocationAudienceAsync(DbConnection connection, DbTransaction transaction, string collectionId,
        PlannedObject plan, List<VersionRow> rows, CancellationToken cancellationToken)
    {
        var tlp = plan.Tlp;
        var principals = new HashSet<string>(plan.Principals, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.CollectionId != collectionId)
            {
                continue;
            }

            row.Principals ??= await LoadPrincipalsAsync(connection, transaction, row.Seq, cancellationToken).ConfigureAwait(false);
            tlp = row.Tlp < tlp ? row.Tlp : tlp;
            principals.UnionWith(row.Principals);
        }

        return (tlp, tlp <= TlpLevel.Green ? [] : [.. principals]);
    }

    private static async Task<string[]> LoadPrincipalsAsync(DbConnection connection, DbTransaction transaction, long seq, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT principal FROM stix_audience WHERE seq = @seq");
        Parameter(command, "@seq", seq);
        var list = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(reader.GetString(0));
        }

        return [.. list];
    }

    private static async Task<string> LoadJsonAsync(DbConnection connection, DbTransaction transaction, long seq, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT json FROM stix_objects WHERE seq = @seq");
        Parameter(command, "@seq", seq);
        return (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
