namespace Vigil.Ads.Submission;

/// <summary>One rejected ad of a submission: where it was (row and line), which ad (when its id was readable), field and reason.</summary>
public sealed record AdRejection(int Row, int Line, string? AdId, string Field, string Reason);
