using Vigil.Core.Sharing;

namespace Vigil.Server.Web.Board;

/// <summary>
/// The organizations with a board open over the hub: one entry per organization (the party test is by organization),
/// holding a reader to build its board with and the last board sent to its group.
/// </summary>
public sealed class BoardViewers
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Viewed> _byOrg = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _orgByConnection = new(StringComparer.Ordinal);

    /// <summary>The hub group an organization's viewers are in.</summary>
    public static string Group(Reader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return "board:" + Key(reader);
    }

    public void Join(string connectionId, Reader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var key = Key(reader);
        lock (_lock)
        {
            if (!_orgByConnection.TryAdd(connectionId, key))
            {
                return;
            }

            if (_byOrg.TryGetValue(key, out var viewed))
            {
                viewed.Connections++;
            }
            else
            {
                _byOrg[key] = new Viewed(reader) { Connections = 1 };
            }
        }
    }

    public void Leave(string connectionId)
    {
        lock (_lock)
        {
            if (_orgByConnection.Remove(connectionId, out var key) && _byOrg.TryGetValue(key, out var viewed) && --viewed.Connections == 0)
            {
                _byOrg.Remove(key);
            }
        }
    }

    /// <summary>The organizations viewed right now, each with the reader to build its board.</summary>
    public IReadOnlyList<Reader> Snapshot()
    {
        lock (_lock)
        {
            return [.. _byOrg.Values.Select(v => v.Reader)];
        }
    }

    /// <summary>Records the board about to be sent to the reader's organization; false when it already has exactly this board or has no viewers left.</summary>
    public bool Changed(Reader reader, string html)
    {
        ArgumentNullException.ThrowIfNull(reader);
        lock (_lock)
        {
            if (!_byOrg.TryGetValue(Key(reader), out var viewed) || string.Equals(viewed.LastHtml, html, StringComparison.Ordinal))
            {
                return false;
            }

            viewed.LastHtml = html;
            return true;
        }
    }

    private static string Key(Reader reader) => reader.OrgId ?? string.Empty;

    private sealed class Viewed(Reader reader)
    {
        public Reader Reader { get; } = reader;

        public int Connections { get; set; }

        public string? LastHtml { get; set; }
    }
}
