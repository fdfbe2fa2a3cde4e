using Microsoft.Playwright;

namespace Vigil.Web.Tests.Infrastructure;

/// <summary>
/// The demo hub on Kestrel and Debian's headless Chromium driven by Playwright, shared by a test class. A missing
/// browser fails every test with the reason; these tests are never skipped.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private WebHub? _hub;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public WebHub Hub => _hub ?? throw new InvalidOperationException("The hub has not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>Where screenshots of the pages are saved for review.</summary>
    public static string ScreenshotDirectory =>
        Path.Combine(Environment.GetEnvironmentVariable("VIGIL_ARTIFACTS") ?? Path.GetTempPath(), "web-screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath}, which is missing: install it with 'apt-get install chromium' (as root), then run the tests again.");
        }

        _hub = await WebHub.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (its own cookies) at a laptop screen's size, with the hub as its base address.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Hub.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        // Generous: on a 2-core CI machine the hub, the browser and the other test classes share the CPU.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the form and waits for the page it lands on.</summary>
    public async Task<IPage> SignedInPageAsync(string user)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(Hub.Login(user).Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Wait for the landing page's heading rather than the load event: once, on a loaded CI machine, Chromium reported
        // network idle for the landing page but never its load event, and the wait ran out.
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }
}
