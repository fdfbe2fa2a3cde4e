using System.Security.Cryptography;

namespace Vigil.Storage.Members;

/// <summary>
/// The server's secret HMAC key for API keys, kept as a file in the data directory and outside the database, so a
/// copy of the database alone does not let anyone test guessed keys.
/// </summary>
public static class ServerPepper
{
    public const string FileName = "server-pepper.key";
    private const int Length = 32;

    public static byte[] LoadOrCreate(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            return Read(path);
        }

        var pepper = RandomNumberGenerator.GetBytes(Length);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Convert.ToBase64String(pepper));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs so both agree.
            File.Delete(temporary);
            return Read(path);
        }

        return pepper;
    }

    private static byte[] Read(string path)
    {
        var text = File.ReadAllText(path).Trim();
        byte[] pepper;
        try
        {
            pepper = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"{path}: the server pepper is not base64; restore it from backup (API keys depend on it).");
        }

        return pepper.Length >= 16
            ? pepper
            : throw new InvalidDataException($"{path}: the server pepper is {pepper.Length} bytes; at least 16 are required.");
    }
}
