namespace Vigil.Cli.Ads;

/// <summary>The hub refused a bulk request as a whole (sign-in, permission, a bad parameter) or could not be reached.</summary>
public sealed class AdHubException(string message, int accepted) : Exception(message)
{
    /// <summary>Ads the hub had accepted from earlier requests of the same file.</summary>
    public int Accepted { get; } = accepted;
}
