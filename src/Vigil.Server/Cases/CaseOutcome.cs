namespace Vigil.Server.Cases;

/// <summary>
/// What a case or request operation made of its input: the value, errors by field (the caller can fix them), not found
/// (unknown, or the caller is not a party: the same answer), or a conflict with the current state.
/// </summary>
public sealed record CaseOutcome<T>
{
    public T? Value { get; init; }
    public IDictionary<string, string[]>? Errors { get; init; }
    public string? NotFound { get; init; }
    public string? Conflict { get; init; }

    /// <summary>The data-minimization policy refused the flow; <see cref="Errors"/> names the field too, for forms.</summary>
    public Vigil.Core.Privacy.ShareDecision? Refusal { get; init; }
    public int PolicyVersion { get; init; }

    public static CaseOutcome<T> Ok(T value) => new() { Value = value };

    public static CaseOutcome<T> Invalid(IDictionary<string, string[]> errors) => new() { Errors = errors };

    public static CaseOutcome<T> Invalid(string field, string message) => new() { Errors = new Dictionary<string, string[]> { [field] = [message] } };

    public static CaseOutcome<T> Refused(Vigil.Core.Privacy.ShareDecision refusal, int policyVersion) => new()
    {
        Errors = new Dictionary<string, string[]> { [refusal.Field!] = [$"refused by the data-minimization policy (rule {refusal.Rule}): {refusal.Reason}"] },
        Refusal = refusal,
        PolicyVersion = policyVersion,
    };

    /// <summary>The outcome of a policy check that did not allow the flow.</summary>
    public static CaseOutcome<T> From(Vigil.Server.Privacy.MessageFlowCheck check) =>
        check.Refusal is { } refusal ? Refused(refusal, check.PolicyVersion) : Invalid(check.Invalid!.Value.Field, check.Invalid.Value.Message);

    public static CaseOutcome<T> Missing(string what) => new() { NotFound = what };

    public static CaseOutcome<T> Conflicting(string what) => new() { Conflict = what };
}
