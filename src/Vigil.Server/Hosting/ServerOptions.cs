using Vigil.Storage.Database;

namespace Vigil.Server.Hosting;

/// <summary>How to run the hub: where its data lives, where it listens and whether to seed the demo.</summary>
public sealed record ServerOptions
{
    public required string DataDirectory { get; init; }
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>Null means the embedded default: a SQLite file in <see cref="DataDirectory"/>.</summary>
    public StorageOptions? Storage { get; init; }

    public bool Demo { get; init; }

    /// <summary>Largest request body accepted (TAXII envelopes, uploads); larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 64L * 1024 * 1024;

    public StorageOptions ResolveStorage() =>
        Storage ?? StorageOptions.ForSqliteFile(Path.Combine(DataDirectory, "vigil.db"));
}
