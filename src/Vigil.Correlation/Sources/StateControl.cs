namespace Vigil.Correlation.Sources;

/// <summary>How far a state controls an outlet; only <see cref="StateControlled"/> means the state sets the editorial line.</summary>
public enum StateControl
{
    Unknown,

    /// <summary>State-controlled or captured media (State Media Monitor SC, CaPu, CaPr).</summary>
    StateControlled,

    /// <summary>State-funded or state-managed but editorially independent (ISFM, ISF, ISM).</summary>
    StateFundedIndependent,

    /// <summary>Independent public media (IP).</summary>
    PublicIndependent,
}
