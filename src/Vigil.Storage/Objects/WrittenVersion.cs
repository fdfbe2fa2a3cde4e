namespace Vigil.Storage.Objects;

/// <summary>One version row the current envelope inserted: its key (<see cref="Seq"/>) and the object as posted.</summary>
public sealed record WrittenVersion(long Seq, string CollectionId, string AuthorOrgId, ObjectSubmission Submission);
