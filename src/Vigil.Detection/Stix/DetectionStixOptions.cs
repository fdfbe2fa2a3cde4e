using Vigil.Core.Sharing;

namespace Vigil.Detection.Stix;

/// <summary>How <see cref="DetectionStixExporter"/> writes a detection result as STIX 2.1.</summary>
public sealed record DetectionStixOptions
{
    /// <summary>The TLP 2.0 marking put on every object (and included in the bundle). Default AMBER.</summary>
    public TlpLevel Tlp { get; init; } = TlpLevel.Amber;

    /// <summary>The author's identity id, set as <c>created_by_ref</c> on domain objects and folded into their ids; none when null.</summary>
    public string? CreatedByRef { get; init; }

    /// <summary>
    /// The <c>created</c>/<c>modified</c> time of every domain object; now when null. With the same input and time the
    /// bundle is byte-for-byte the same; a later run gives new versions of the same objects.
    /// </summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>The platform of accounts whose rows named none (e.g. CooRTweet input), as <c>account_type</c>.</summary>
    public string? DefaultPlatform { get; init; }

    /// <summary>URL and domain indicators per cluster, most-shared first.</summary>
    public int MaxIndicatorsPerCluster { get; init; } = 50;

    /// <summary>The report's name; a default naming the counts when null.</summary>
    public string? ReportName { get; init; }
}
