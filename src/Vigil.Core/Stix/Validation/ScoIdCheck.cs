namespace Vigil.Core.Stix.Validation;

/// <summary>How strictly an SCO's id must equal its deterministic UUIDv5.</summary>
public enum ScoIdCheck
{
    /// <summary>Any id other than the computed one is an error.</summary>
    Strict,

    /// <summary>
    /// A UUIDv4 id only warns (the specification says SHOULD, and some producers use random ids for SCOs);
    /// a UUIDv5 id that differs from the computed one is an error.
    /// </summary>
    AllowRandom,

    /// <summary>A mismatch only warns.</summary>
    Warn,
}
