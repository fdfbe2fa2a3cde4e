namespace Vigil.Testing;

/// <summary>Locates the read-only data set that lives beside the repository (../shared/data).</summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root.Value, .. parts]);

    public static string RepositoryRoot
    {
        get
        {
            var built = typeof(SharedData).Assembly
                .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .Cast<System.Reflection.AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "VigilRepositoryRoot")?.Value;
            if (built is not null && File.Exists(System.IO.Path.Combine(built, "Vigil.slnx")))
            {
                return built;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Vigil.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Vigil.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("VIGIL_SHARED_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Require(fromEnvironment);
        }

        return Require(System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared", "data")));
    }

    private static string Require(string path) =>
        Directory.Exists(path)
            ? path
            : throw new DirectoryNotFoundException(
                $"The shared test data is missing at {path}; set VIGIL_SHARED_DATA or place shared/ beside the repository.");
}
