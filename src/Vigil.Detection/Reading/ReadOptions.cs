namespace Vigil.Detection.Reading;

/// <summary>How to read an activity file.</summary>
public sealed record ReadOptions
{
    /// <summary>The format; detected from the file's header when null.</summary>
    public ActivityFormat? Format { get; init; }

    /// <summary>Fail on the first bad row instead of counting and reporting it.</summary>
    public bool Strict { get; init; }

    /// <summary>How many row issues are kept in detail; all are counted.</summary>
    public int MaxReportedIssues { get; init; } = 100;

    public IProgress<ReadProgress>? Progress { get; init; }
}
