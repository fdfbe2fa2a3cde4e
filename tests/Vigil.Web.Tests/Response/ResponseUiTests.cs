using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vigil.Web.Tests.Infrastructure;

namespace Vigil.Web.Tests.Response;

/// <summary>
/// The Response part in headless Chromium: a member opens a case and sends a request, another member answers it from
/// a second browser context, and a member that is party to neither gets 404 on both pages.
/// </summary>
public sealed partial class ResponseUiTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string TaskForce = "task-force-analyst";
    private const string Bluejay = "bluejay-analyst";
    private const string BluejayName = "Bluejay Video (demo)";
    private const string Researcher = "open-signals-researcher";

    private async Task<string> LanternIdAsync()
    {
        var hits = await web.Hub.SearchAsync(TaskForce, "&type=campaign&text=" + Uri.EscapeDataString("Paper Lantern"));
        return Assert.Single(hits).GetProperty("object").GetProperty("id").GetString()!;
    }

    private static async Task<IPage> OpenCaseAsync(IPage page, string title)
    {
        await page.GotoAsync("/response/cases/new");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Type").SelectOptionAsync("voter-suppression");
        await page.GetByLabel("Severity").SelectOptionAsync("high");
        await page.GetByLabel("Summary").FillAsync("Posts claim Lakemoor polling places moved.");
        await page.GetByLabel("Jurisdictions").FillAsync("US-AZ, US-New Mexico");
        await page.GetByLabel("Affected dates").FillAsync("2026-11-03");
        await page.GetByLabel(BluejayName).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        await page.WaitForURLAsync(CasePath());
        return page;
    }

    [Fact]
    public async Task A_member_opens_a_case_sends_a_request_and_another_member_answers_it()
    {
        var title = "Polling place rumour " + Guid.NewGuid().ToString("N")[..6];
        var agency = await OpenCaseAsync(await web.SignedInPageAsync(TaskForce), title);
        var caseUrl = agency.Url;
        await Assertions.Expect(agency.Locator("#case-title")).ToHaveTextAsync(title);
        await Assertions.Expect(agency.Locator("#case-status")).ToHaveTextAsync("Reported");
        await Assertions.Expect(agency.Locator("#case-parties")).ToContainTextAsync(BluejayName);
        await Assertions.Expect(agency.Locator("#case-jurisdictions")).ToHaveTextAsync("US-AZ, US-New Mexico");

        await agency.GetByLabel("Move to").SelectOptionAsync("triaged");
        await agency.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
        await Assertions.Expect(agency.Locator("#case-status")).ToHaveTextAsync("Triaged");
        await Assertions.Expect(agency.Locator("#timeline")).ToContainTextAsync("status reported → triaged");

        await agency.GetByLabel("Comment", new() { Exact = true }).FillAsync("Bluejay, please look at the channel list.");
        await agency.GetByLabel("Marking").SelectOptionAsync("green");
        await agency.GetByRole(AriaRole.Button, new() { Name = "Comment", Exact = true }).ClickAsync();
        await Assertions.Expect(agency.Locator("#comments")).ToContainTextAsync("please look at the channel list");
        await Assertions.Expect(agency.Locator("#comments .tlp")).ToHaveTextAsync("TLP:GREEN");

        var lantern = await LanternIdAsync();
        await agency.GetByLabel("STIX object id").FillAsync(lantern);
        await agency.GetByLabel("Note").FillAsync("the campaign behind it");
        await agency.GetByRole(AriaRole.Button, new() { Name = "Attach" }).ClickAsync();
        await Assertions.Expect(agency.Locator("#attachments")).ToContainTextAsync(lantern);
        await WebFixture.ScreenshotAsync(agency, "response-case");

        // A request about the case: its other party is ticked already.
        await agency.GetByRole(AriaRole.Link, new() { Name = "Send a request about this case" }).ClickAsync();
        await Assertions.Expect(agency.GetByLabel(BluejayName)).ToBeCheckedAsync();
        await agency.GetByLabel("Kind").SelectOptionAsync("review-accounts");
        await agency.GetByLabel("Subject").FillAsync("Review the channels in " + title);
        await agency.GetByLabel("What you ask, and the data").FillAsync("Channels: @lakemoor-votes-moved, @lakemoor-news-now");
        await agency.GetByLabel("Deadline (UTC)").FillAsync("2026-11-02T18:00");
        await agency.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await agency.WaitForURLAsync(RequestPath());
        var requestUrl = agency.Url;
        await Assertions.Expect(agency.Locator("#request-status")).ToHaveTextAsync("Open");
        await Assertions.Expect(agency.Locator("#request-recipients")).ToContainTextAsync(BluejayName + ": waiting");
        Assert.Equal(0, await agency.GetByRole(AriaRole.Button, new() { Name = "Send response" }).CountAsync());

        // The platform answers in its own browser context.
        var platform = await web.SignedInPageAsync(Bluejay);
        await platform.GotoAsync("/response/requests");
        await platform.GetByRole(AriaRole.Link, new() { Name = "Review the channels in " + title }).ClickAsync();
        await platform.WaitForURLAsync(RequestPath());
        await Assertions.Expect(platform.Locator("#request-body")).ToContainTextAsync("@lakemoor-votes-moved");
        await platform.GetByLabel("Accounts removed").FillAsync("38");
        await platform.GetByLabel("Content labeled").FillAsync("120");
        await platform.GetByLabel("Note", new() { Exact = true }).FillAsync("Removed for coordinated inauthentic behaviour.");
        await platform.GetByRole(AriaRole.Button, new() { Name = "Send response" }).ClickAsync();
        await Assertions.Expect(platform.Locator("#request-status")).ToHaveTextAsync("Answered");
        await Assertions.Expect(platform.Locator("#responses")).ToContainTextAsync("Accounts removed: 38");
        await WebFixture.ScreenshotAsync(platform, "response-request");

        var asParty = await platform.GotoAsync(caseUrl);
        Assert.Equal((int)HttpStatusCode.OK, asParty!.Status);
        await Assertions.Expect(platform.Locator("#case-requests")).ToContainTextAsync("Answered");

        await agency.ReloadAsync();
        await Assertions.Expect(agency.Locator("#request-status")).ToHaveTextAsync("Answered");
        await Assertions.Expect(agency.Locator("#responses")).ToContainTextAsync("Content labeled: 120");
        await Assertions.Expect(agency.Locator("#request-recipients")).ToContainTextAsync(BluejayName + ": responded");
        await agency.GotoAsync("/response/requests/outbox");
        await Assertions.Expect(agency.Locator("#requests")).ToContainTextAsync("Review the channels in " + title);

        // A member that is party to neither learns nothing.
        var outsider = await web.SignedInPageAsync(Researcher);
        foreach (var url in new[] { caseUrl, requestUrl })
        {
            var response = await outsider.GotoAsync(url);
            Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
            await Assertions.Expect(outsider.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not found");
            await Assertions.Expect(outsider.Locator("main")).Not.ToContainTextAsync(title);
        }

        // Even with its own valid anti-forgery token, a post to the case page changes nothing and tells nothing.
        await outsider.GotoAsync("/response/cases/new");
        var token = await outsider.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var forged = await outsider.APIRequest.PostAsync(caseUrl, new()
        {
            Form = outsider.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!).Set("_handler", "comment").Set("body", "let me in").Set("tlp", "clear"),
        });
        Assert.True(forged.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.BadRequest, $"status {forged.Status}");
        Assert.DoesNotContain(title, await forged.TextAsync(), StringComparison.Ordinal);
        await agency.GotoAsync(caseUrl);
        await Assertions.Expect(agency.Locator("#comments")).Not.ToContainTextAsync("let me in");

        await outsider.GotoAsync("/response");
        await Assertions.Expect(outsider.Locator("main")).Not.ToContainTextAsync(title);
        await outsider.GotoAsync("/response/requests");
        await Assertions.Expect(outsider.Locator("main")).Not.ToContainTextAsync(title);
    }

    [Fact]
    public async Task Forms_say_what_is_wrong_next_to_the_field()
    {
        var page = await web.SignedInPageAsync(TaskForce);
        await page.GotoAsync("/response/cases/new");
        await page.GetByLabel("Jurisdictions").FillAsync("USA");
        await page.GetByLabel("Affected dates").FillAsync("3 November");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);
        await Assertions.Expect(page.Locator("#error-title")).ToContainTextAsync("required");
        await Assertions.Expect(page.Locator("#error-type")).ToContainTextAsync("choose one of");
        await Assertions.Expect(page.Locator("#error-jurisdictions")).ToContainTextAsync("two-letter");
        await Assertions.Expect(page.Locator("#error-affectedDates")).ToContainTextAsync("'3 November' is not a date");
        Assert.Equal("true", await page.GetByLabel("Title").GetAttributeAsync("aria-invalid"));
        await Assertions.Expect(page.GetByLabel("Jurisdictions")).ToHaveValueAsync("USA");
        await WebFixture.ScreenshotAsync(page, "response-case-errors");

        await page.GotoAsync("/response/requests/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-recipientOrgIds")).ToContainTextAsync("at least one member");
        await Assertions.Expect(page.Locator("#error-subject")).ToContainTextAsync("required");

        // The forms carry an anti-forgery token; a post without one is refused.
        var forged = await page.APIRequest.PostAsync("/response/cases/new", new() { Form = page.APIRequest.CreateFormData().Set("_handler", "new-case").Set("title", "forged") });
        Assert.Equal((int)HttpStatusCode.BadRequest, forged.Status);
    }

    [GeneratedRegex("/response/cases/case--[0-9a-f-]{36}$")]
    private static partial Regex CasePath();

    [GeneratedRegex("/response/requests/request--[0-9a-f-]{36}$")]
    private static partial Regex RequestPath();
}
