namespace Vigil.Server.Cases;

/// <summary>The body of <c>POST /api/rest/requests/{id}/responses</c>: what the recipient did, each action with a count.</summary>
public sealed record ResponseInput
{
    public string? Note { get; init; }
    public IReadOnlyList<ActionInput>? Actions { get; init; }

    /// <summary>The content class of the note when the responder knows it; the request's legal process covers the response.</summary>
    public string? ContentClass { get; init; }
}
