using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Vigil.Core.Members;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Web.Board;

namespace Vigil.Server.Tests.Response;

/// <summary>
/// The board's SignalR hub spoken to as the page's script does (negotiate, WebSocket, JSON hub protocol): anonymous
/// callers are refused, a member gets its board at once and again when a case of its organization changes it, and
/// another organization's board never shows that case.
/// </summary>
public sealed class BoardHubTests(TestHubFixture fixture) : IClassFixture<TestHubFixture>
{
    private const char Separator = '\u001e';
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private TestHub Hub => fixture.Hub;

    [Fact]
    public async Task Anonymous_negotiate_and_connect_are_refused()
    {
        var negotiate = await Hub.Client.PostAsync(BoardHub.Path + "/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);

        var connect = await Hub.Client.GetAsync(BoardHub.Path + "?id=anything");
        Assert.Equal(HttpStatusCode.Unauthorized, connect.StatusCode);
    }

    [Fact]
    public async Task Negotiate_is_not_blocked_by_antiforgery_and_offers_only_websockets()
    {
        var member = await Hub.CreateMemberAsync(Sector.Government);
        var negotiate = await Hub.BearerClient(member.ApiKey).PostAsync(BoardHub.Path + "/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        var body = await negotiate.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("connectionToken").GetString()));
        Assert.Equal(["WebSockets"], body.GetProperty("availableTransports").EnumerateArray().Select(t => t.GetProperty("transport").GetString()));
    }

    [Fact]
    public async Task A_member_gets_its_board_and_its_update_and_an_outsider_never_sees_the_case()
    {
        using var stop = new CancellationTokenSource(Patience);
        var agency = await Hub.CreateMemberAsync(Sector.Government);
        var outsider = await Hub.CreateMemberAsync();
        var title = "Robocalls giving the wrong election date " + Guid.NewGuid().ToString("N")[..6];

        using var agencySocket = await ConnectAsync(agency, stop.Token);
        var first = await agencySocket.NextBoardAsync(stop.Token);
        Assert.DoesNotContain(title, first, StringComparison.Ordinal);

        var created = await Hub.BearerClient(agency.ApiKey).PostAsJsonAsync("/api/rest/cases", new
        {
            title,
            type = "voter-suppression",
            severity = "critical",
            summary = "Calls tell voters the election is on Wednesday.",
            jurisdictions = new[] { new { country = "US", state = "PA" } },
        }, stop.Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        string board;
        do
        {
            board = await agencySocket.NextBoardAsync(stop.Token);
        }
        while (!board.Contains(title, StringComparison.Ordinal));

        using var outsiderSocket = await ConnectAsync(outsider, stop.Token);
        Assert.DoesNotContain(title, await outsiderSocket.NextBoardAsync(stop.Token), StringComparison.Ordinal);
    }

    private async Task<HubSocket> ConnectAsync(TestMember member, CancellationToken cancellationToken)
    {
        var negotiate = await Hub.BearerClient(member.ApiKey).PostAsync(BoardHub.Path + "/negotiate?negotiateVersion=1", null, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        var token = (await negotiate.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("connectionToken").GetString();

        var client = Hub.App.GetTestServer().CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Authorization = "Bearer " + member.ApiKey;
        var socket = new HubSocket(await client.ConnectAsync(new Uri("ws://localhost" + BoardHub.Path + "?id=" + Uri.EscapeDataString(token!)), cancellationToken));
        await socket.SendAsync("{\"protocol\":\"json\",\"version\":1}", cancellationToken);
        var handshake = await socket.ReceiveAsync(cancellationToken);
        Assert.False(handshake.TryGetProperty("error", out _), handshake.ToString());
        return socket;
    }

    /// <summary>A WebSocket speaking the JSON hub protocol: records end with 0x1E, and a frame may hold several.</summary>
    private sealed class HubSocket(WebSocket socket) : IDisposable
    {
        private readonly Queue<string> _records = new();
        private readonly StringBuilder _partial = new();
        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();

        public Task SendAsync(string record, CancellationToken cancellationToken) =>
            socket.SendAsync(Encoding.UTF8.GetBytes(record + Separator), WebSocketMessageType.Text, true, cancellationToken);

        /// <summary>The HTML of the next <c>board</c> invocation, skipping pings.</summary>
        public async Task<string> NextBoardAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var message = await ReceiveAsync(cancellationToken);
                var type = message.GetProperty("type").GetInt32();
                Assert.NotEqual(7, type);
                if (type == 1 && message.GetProperty("target").GetString() == BoardHub.Method)
                {
                    return message.GetProperty("arguments")[0].GetString()!;
                }
            }
        }

        public async Task<JsonElement> ReceiveAsync(CancellationToken cancellationToken)
        {
            var bytes = new byte[16 * 1024];
            var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
            while (_records.Count == 0)
            {
                var result = await socket.ReceiveAsync(bytes, cancellationToken);
                Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
                _partial.Append(chars, 0, _decoder.GetChars(bytes, 0, result.Count, chars, 0));
                var text = _partial.ToString();
                var end = text.LastIndexOf(Separator);
                if (end >= 0)
                {
                    foreach (var record in text[..end].Split(Separator))
                    {
                        _records.Enqueue(record);
                    }

                    _partial.Clear().Append(text[(end + 1)..]);
                }
            }

            return JsonDocument.Parse(_records.Dequeue()).RootElement.Clone();
        }

        public void Dispose() => socket.Dispose();
    }
}
