using Microsoft.AspNetCore.SignalR;
using Vigil.Server.Access;

namespace Vigil.Server.Web.Board;

/// <summary>
/// The board over SignalR: a signed-in connection joins its organization's group and gets the current board at once;
/// <see cref="BoardBroadcaster"/> sends <c>board</c> to the group whenever it changes. Anonymous connections are refused.
/// </summary>
public sealed class BoardHub(BoardReader boards, BoardViewers viewers) : Hub
{
    public const string Path = "/response/board/hub";
    public const string Method = "board";

    public override async Task OnConnectedAsync()
    {
        if (Context.GetHttpContext()?.GetCaller() is not { } caller)
        {
            throw new HubException("Sign in to watch the board.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, BoardViewers.Group(caller.Reader), Context.ConnectionAborted).ConfigureAwait(false);
        viewers.Join(Context.ConnectionId, caller.Reader);
        try
        {
            var html = BoardHtml.Render(await boards.ReadSharedAsync(caller.Reader, Context.ConnectionAborted).ConfigureAwait(false));
            await Clients.Caller.SendAsync(Method, html, Context.ConnectionAborted).ConfigureAwait(false);
        }
        catch
        {
            // SignalR does not call OnDisconnectedAsync when OnConnectedAsync fails.
            viewers.Leave(Context.ConnectionId);
            throw;
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        viewers.Leave(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
