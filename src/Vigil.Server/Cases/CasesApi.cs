using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Rest;
using Vigil.Storage.Cases;
using Vigil.Storage.Database;

namespace Vigil.Server.Cases;

/// <summary>Cases, requests between members and the elections calendar: the stores, the shared input checks and the REST endpoints.</summary>
public static class CasesApi
{
    public static IServiceCollection AddVigilCases(this IServiceCollection services)
    {
        services.AddSingleton(s => new SqlCaseStore(s.GetRequiredService<VigilDatabase>(), s.GetService<TimeProvider>()));
        services.AddSingleton(s => new SqlRequestStore(s.GetRequiredService<VigilDatabase>(), s.GetService<TimeProvider>(), s.GetRequiredService<Vigil.Storage.Alerts.SqlEventOutbox>()));
        services.AddSingleton(s => new SqlElectionStore(s.GetRequiredService<VigilDatabase>(), s.GetService<TimeProvider>()));
        services.AddSingleton<CaseService>();
        services.AddSingleton<Web.Response.ResponseDirectory>();
        return services;
    }

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup(RestApi.Prefix + "/cases").WithTags("Cases");
        cases.MapGet("/", CaseEndpoints.ListAsync).WithSummary("Cases your organization is party to, newest first (status, type, election, limit)").Produces<CaseList>();
        cases.MapPost("/", CaseEndpoints.CreateAsync).WithSummary("Open a case; your organization and the named parties see it")
            .Produces<CaseRecord>(StatusCodes.Status201Created).ProducesValidationProblem();
        cases.MapGet("/{id}", CaseEndpoints.GetAsync).WithSummary("A case with its timeline, comments, attachments and requests")
            .Produces<CaseDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{id}/status", CaseEndpoints.StatusAsync).WithSummary("Move the case along reported → triaged → in-progress → actioned → disclosed → closed")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("/{id}/assignee", CaseEndpoints.AssignAsync).WithSummary("Put a user of your organization on the case")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{id}/parties", CaseEndpoints.AddPartyAsync).WithSummary("Bring another member organization into the case")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{id}/comments", CaseEndpoints.CommentAsync).WithSummary("Comment with a TLP marking")
            .Produces<CaseComment>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{id}/attachments", CaseEndpoints.AttachAsync).WithSummary("Attach a STIX object you may see")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPost("/{id}/ad-pages", CaseEndpoints.NameAdPageAsync).WithSummary("Name an ad-library page in the case (a front group's page, say); only the case's parties see the link")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet(RestApi.Prefix + "/ads/pages/{platform}/{pageId}/cases", CaseEndpoints.AdPageCasesAsync).WithTags("Cases")
            .WithSummary("The cases you are party to that name this ad-library page (members only; the public ad library never shows them)")
            .Produces<AdPageCases>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);

        var requests = app.MapGroup(RestApi.Prefix + "/requests").WithTags("Requests");
        requests.MapPost("/", RequestEndpoints.SendAsync).WithSummary("Ask other members to review accounts or content, refer a network, or report false voting information")
            .Produces<MemberRequest>(StatusCodes.Status201Created).ProducesValidationProblem();
        requests.MapGet("/inbox", RequestEndpoints.InboxAsync).WithSummary("Requests sent to your organization").Produces<RequestList>();
        requests.MapGet("/outbox", RequestEndpoints.OutboxAsync).WithSummary("Requests your organization sent").Produces<RequestList>();
        requests.MapGet("/{id}", RequestEndpoints.GetAsync).Produces<RequestDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapPost("/{id}/responses", RequestEndpoints.RespondAsync).WithSummary("Answer a request with the actions taken and their counts")
            .Produces<RequestResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id}/close", RequestEndpoints.CloseAsync).WithSummary("Close a request you sent")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);

        var elections = app.MapGroup(RestApi.Prefix + "/elections").WithTags("Elections");
        elections.MapGet("/", ElectionEndpoints.ListAsync).WithSummary("The elections calendar (from, country)").Produces<List<Election>>();
        elections.MapPost("/", ElectionEndpoints.CreateAsync).Produces<Election>(StatusCodes.Status201Created).ProducesValidationProblem();
        elections.MapGet("/{id}", ElectionEndpoints.GetAsync).WithSummary("An election and the cases about it you are party to")
            .Produces<ElectionDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
