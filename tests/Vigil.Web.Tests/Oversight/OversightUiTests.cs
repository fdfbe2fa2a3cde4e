using Microsoft.Playwright;
using Vigil.Web.Tests.Infrastructure;

namespace Vigil.Web.Tests.Oversight;

/// <summary>
/// The oversight page in headless Chromium: an analyst is told the entries are not for them; the demo's oversight user
/// filters the demo hub's log by entry type, pages on, and downloads the matches as CSV.
/// </summary>
public sealed class OversightUiTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task An_analyst_is_refused_and_the_oversight_user_filters_pages_and_exports_the_entries()
    {
        var analyst = await web.SignedInPageAsync("northwind-analyst");
        await analyst.GotoAsync("/oversight");
        await Assertions.Expect(analyst.Locator("#oversight-denied")).ToContainTextAsync("oversight role");
        await Assertions.Expect(analyst.Locator("#entries")).ToHaveCountAsync(0);

        var page = await web.SignedInPageAsync("hub-oversight");
        await page.GotoAsync("/oversight");
        await Assertions.Expect(page.Locator("#entries")).ToBeVisibleAsync();
        await page.GetByLabel("Entry type").SelectOptionAsync("object-shared");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show entries" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("type=object-shared", StringComparison.Ordinal));
        var types = await page.Locator("#entries tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Equal("object-shared", t));
        await WebFixture.ScreenshotAsync(page, "oversight-log");

        var firstIndex = await page.Locator("#entries tbody tr td:nth-child(1)").First.TextContentAsync();
        if (await page.Locator("#next-page").CountAsync() > 0)
        {
            await page.Locator("#next-page").ClickAsync();
            var nextFirst = long.Parse((await page.Locator("#entries tbody tr td:nth-child(1)").First.TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(nextFirst > long.Parse(firstIndex!, System.Globalization.CultureInfo.InvariantCulture));
        }

        var href = await page.Locator("#export-csv").GetAttributeAsync("href");
        Assert.Contains("type=object-shared", href, StringComparison.Ordinal);
        var csv = await (await page.APIRequest.GetAsync(href!)).TextAsync();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("index,type,at,entry", lines[0]);
        Assert.True(lines.Length > types.Count);
        Assert.All(lines.Skip(1), l => Assert.Contains(",object-shared,", l, StringComparison.Ordinal));

        await page.GotoAsync("/oversight?sector=press");
        await Assertions.Expect(page.Locator("#error-sector")).ToContainTextAsync("is not a sector");
    }
}
