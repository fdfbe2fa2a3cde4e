namespace Vigil.Core.Sharing;

/// <summary>
/// Who may read one stored object version, decided when it is written: its TLP level, the author organization
/// (which always sees its own) and, for AMBER, AMBER+STRICT and RED, the principals it is addressed to.
/// </summary>
public sealed record Audience(TlpLevel Tlp, string AuthorOrgId, IReadOnlyList<string> Principals);
