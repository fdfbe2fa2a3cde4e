namespace Vigil.Ads.Import;

/// <summary>Ad file formats the importer reads.</summary>
public enum AdFileFormat
{
    /// <summary>Detect from the first bytes and the header.</summary>
    Auto,

    /// <summary>Meta Ad Library API response: <c>{"data":[…],"paging":…}</c> (one or more pages, pretty or one per line).</summary>
    MetaJson,

    /// <summary>Meta Ad Library flattened CSV as researcher tools write it (current and older field names).</summary>
    MetaCsv,

    /// <summary>Snap Political Ads Library CSV.</summary>
    SnapCsv,

    /// <summary>Vigil's own JSON Lines: one ad object per line (field names as in <see cref="Json.AdFields"/>; see <see cref="Export.AdJsonLinesWriter"/>).</summary>
    JsonLines,
}
