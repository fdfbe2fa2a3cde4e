using System.Globalization;
using System.Text;
using System.Xml;

namespace Vigil.Server.Disclosures;

/// <summary>The newest disclosures as an Atom 1.0 feed (RFC 4287); each entry links to the disclosure's public page and its JSON.</summary>
public static class DisclosureAtomFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static async Task WriteAsync(IReadOnlyList<DisclosureView> items, string origin, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true };
        var writer = XmlWriter.Create(stream, settings);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteStartDocumentAsync().ConfigureAwait(false);
            writer.WriteStartElement(null, "feed", Atom);
            writer.WriteElementString("title", Atom, "Vigil takedown disclosures");
            writer.WriteElementString("id", Atom, origin + DisclosuresApi.PagePrefix);
            writer.WriteElementString("updated", Atom, Time(items.Count > 0 ? items[0].PublishedAt : DateTimeOffset.UnixEpoch));
            Link(writer, "self", origin + DisclosuresApi.PublicPrefix + "/feed.atom", "application/atom+xml");
            Link(writer, "alternate", origin + DisclosuresApi.PagePrefix, "text/html");
            foreach (var item in items)
            {
                writer.WriteStartElement("entry", Atom);
                writer.WriteElementString("title", Atom, item.Title);
                writer.WriteElementString("id", Atom, origin + item.Url);
                writer.WriteElementString("updated", Atom, Time(item.PublishedAt));
                writer.WriteElementString("published", Atom, Time(item.PublishedAt));
                writer.WriteStartElement("author", Atom);
                writer.WriteElementString("name", Atom, item.Publisher);
                writer.WriteEndElement();
                Link(writer, "alternate", origin + item.Url, "text/html");
                Link(writer, "related", origin + DisclosuresApi.PublicPrefix + "/" + item.Id, "application/json");
                Link(writer, "enclosure", origin + item.DatasetUrl, "text/csv");
                writer.WriteElementString("summary", Atom, Summary(item));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            await writer.WriteEndDocumentAsync().ConfigureAwait(false);
            await writer.FlushAsync().ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private static string Summary(DisclosureView item)
    {
        var counts = item.Counts;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{counts.Accounts} accounts, {counts.Pages} pages, {counts.Groups} groups, {counts.Followers} followers.");
        if (item.Actor is { } actor)
        {
            text += " Attributed to " + actor + ".";
        }

        var narrative = item.Narrative.Length > 500 ? item.Narrative[..500] + "…" : item.Narrative;
        return text + " " + narrative;
    }

    private static void Link(XmlWriter writer, string rel, string href, string type)
    {
        writer.WriteStartElement("link", Atom);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", href);
        writer.WriteAttributeString("type", type);
        writer.WriteEndElement();
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
