namespace Vigil.Core.Patterning.Indexing;

/// <summary>An indicator whose evaluation was stopped by the step limit, and why.</summary>
public sealed record UndecidedIndicator(string Id, string Reason);
