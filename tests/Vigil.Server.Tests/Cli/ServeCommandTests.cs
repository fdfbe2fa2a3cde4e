using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Vigil.Server.Demo;

namespace Vigil.Server.Tests.Cli;

public sealed class ServeCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("vigil-serve-");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string CliAssembly()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "vigil.dll");
        if (File.Exists(beside))
        {
            return beside;
        }

        throw new FileNotFoundException($"The built CLI (vigil.dll) is not beside the tests in {AppContext.BaseDirectory}; build tests/Vigil.Server.Tests, which references src/Vigil.Cli.");
    }

    [Fact]
    public async Task Vigil_serve_demo_starts_prints_its_url_and_answers_taxii_discovery()
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { CliAssembly(), "serve", "--data-dir", _directory.FullName, "--urls", url, "--demo" })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            HttpResponseMessage? anonymous = null;
            for (var attempt = 0; attempt < 600 && anonymous is null && !process.HasExited; attempt++)
            {
                try
                {
                    anonymous = await client.GetAsync("/taxii2/");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }

            Assert.False(process.HasExited, "vigil serve exited early:\n" + output);
            Assert.NotNull(anonymous);
            var logins = JsonSerializer.Deserialize<List<DemoCredential>>(await File.ReadAllTextAsync(Path.Combine(_directory.FullName, DemoSeeder.CredentialsFileName)))!;
            using var request = new HttpRequestMessage(HttpMethod.Get, "/taxii2/");
            request.Headers.TryAddWithoutValidation("Accept", "application/taxii+json;version=2.1");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + logins[0].ApiKey);
            var discovery = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
            Assert.Contains("api_roots", await discovery.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            lock (output)
            {
                Assert.Contains(url, output.ToString(), StringComparison.Ordinal);
                Assert.Contains("hub-admin", output.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Vigil_serve_on_a_taken_port_fails_with_a_clear_message()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { CliAssembly(), "serve", "--data-dir", _directory.FullName, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("vigil serve failed", await stdout + await stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
