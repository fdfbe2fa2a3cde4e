namespace Vigil.Core.Privacy;

/// <summary>The kinds of legal process a share can cite in <c>x_vigil_legal_process.type</c>.</summary>
public static class LegalProcessTypes
{
    public const string Subpoena = "subpoena";
    public const string CourtOrder = "court-order";
    public const string Warrant = "warrant";
    public const string EmergencyDisclosure = "emergency-disclosure";

    public static IReadOnlyList<string> All { get; } = [Subpoena, CourtOrder, Warrant, EmergencyDisclosure];

    public static bool IsKnown(string value) => All.Contains(value, StringComparer.Ordinal);
}
