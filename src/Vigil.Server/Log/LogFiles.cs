using Vigil.Ledger.Errors;
using Vigil.Ledger.Notes;
using Vigil.Server.Hosting;

namespace Vigil.Server.Log;

/// <summary>The log's files in the data directory: its private key and the trusted witness keys.</summary>
public sealed class LogFiles(ServerOptions server)
{
    public string Directory => Path.Combine(server.DataDirectory, "log");

    public string KeyPath => Path.Combine(Directory, "log.key");

    public string WitnessesPath => Path.Combine(Directory, "witnesses");

    /// <summary>Loads the log key, or creates it (readable by the owner only) on first start.</summary>
    public NoteSigner LoadOrCreateKey(string origin)
    {
        System.IO.Directory.CreateDirectory(Directory);
        if (File.Exists(KeyPath))
        {
            var signer = NoteSigner.FromPrivateKey(File.ReadAllText(KeyPath).Trim());
            if (signer.Name != origin)
            {
                var name = signer.Name;
                signer.Dispose();
                throw new LedgerException(LedgerFailure.MalformedKey, $"The log key in {KeyPath} is for origin '{name}', but the configured origin is '{origin}'.");
            }

            return signer;
        }

        var created = NoteSigner.Generate(origin);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new StreamWriter(KeyPath, options))
        {
            file.Write(created.ToPrivateKey());
            file.Write('\n');
        }

        return created;
    }

    /// <summary>The configured witness verifier keys; a bad line is an error naming the line.</summary>
    public IReadOnlyList<NoteVerifier> LoadWitnesses()
    {
        if (!File.Exists(WitnessesPath))
        {
            return [];
        }

        var keys = new List<NoteVerifier>();
        var lines = File.ReadAllLines(WitnessesPath);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            try
            {
                keys.Add(NoteVerifier.Parse(line));
            }
            catch (LedgerException e)
            {
                throw new LedgerException(LedgerFailure.MalformedKey, $"{WitnessesPath} line {i + 1}: {e.Message}");
            }
        }

        return keys;
    }
}
