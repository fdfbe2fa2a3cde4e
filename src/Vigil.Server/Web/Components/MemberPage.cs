using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Vigil.Server.Access;
using Vigil.Server.Web.Session;

namespace Vigil.Server.Web.Components;

/// <summary>A page for signed-in members: without a caller it sends the browser to the sign-in page and renders nothing.</summary>
public abstract class MemberPage : ComponentBase
{
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    [Inject]
    public required NavigationManager Navigation { get; set; }

    protected HttpContext Http => HttpContext ?? throw new InvalidOperationException("Pages are rendered on the server with an HTTP context.");

    protected Caller? Caller => HttpContext?.GetCaller();

    protected override async Task OnInitializedAsync()
    {
        if (Caller is null)
        {
            var here = Navigation.ToBaseRelativePath(Navigation.Uri);
            Navigation.NavigateTo(WebSession.SignInPath + "?returnUrl=" + Uri.EscapeDataString("/" + here));
            return;
        }

        await LoadAsync();
    }

    /// <summary>Reads what the page shows; runs only for a signed-in caller.</summary>
    protected abstract Task LoadAsync();
}
