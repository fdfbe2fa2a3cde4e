namespace Vigil.Cli.Detect;

/// <summary>What the TAXII server said: its status resource's counts, or the error of the request that failed.</summary>
internal sealed class PublishOutcome
{
    public int Requests { get; set; }
    public int HttpStatus { get; set; }
    public string Status { get; set; } = "";
    public int Successes { get; set; }
    public int Failures { get; set; }
    public int Pending { get; set; }
    public List<string> FailureMessages { get; } = [];
    public string? Error { get; set; }

    public bool Succeeded => Error is null && Failures == 0;
}
