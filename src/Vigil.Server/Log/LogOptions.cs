namespace Vigil.Server.Log;

/// <summary>
/// How the hub runs its transparency log (configuration section <c>Vigil:Log</c>). The log key lives in
/// <c>{data}/log/log.key</c> (created on first start, mode 0600); witness verifier keys, one a line, in
/// <c>{data}/log/witnesses</c>, read on every cosignature so witnesses can be added without a restart.
/// </summary>
public sealed record LogOptions
{
    /// <summary>How often the hub signs a checkpoint when the tree grew.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The checkpoint origin; <c>vigil.&lt;host name&gt;/log</c> when empty.</summary>
    public string? Origin { get; init; }

    /// <summary>Longest query string the proof endpoints accept.</summary>
    public int MaxQueryLength { get; init; } = 512;

    public string ResolveOrigin() =>
        string.IsNullOrWhiteSpace(Origin) ? $"vigil.{System.Net.Dns.GetHostName().ToLowerInvariant()}/log" : Origin;
}
