using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SalesCockpit.Benchmarks.Board;

/// <summary>
/// An open board circuit without a browser: it loads the board page with a signed-in cookie and starts the circuit the way
/// blazor.web.js does (StartCircuit, then UpdateRootComponents with the page's server-component markers), acknowledges every
/// render batch and answers the board's JS interop calls. The server does for it all it does for a board on a screen:
/// subscribe, reload, render, diff, serialize and send. Only the browser's own work (applying and painting the update) is
/// left out, which on real wall screens runs on each screen's machine, not on the server's cores.
/// </summary>
public sealed partial class LightBoardCircuit : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly HubConnection connection;
    private readonly TaskCompletionSource attached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int renderBatches;
    private string? error;

    private LightBoardCircuit(HubConnection connection)
    {
        this.connection = connection;
        connection.On<long, byte[]>("JS.RenderBatch", (batchId, _) =>
        {
            Interlocked.Increment(ref renderBatches);
            return connection.SendAsync("OnRenderCompleted", batchId, null);
        });
        connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], arguments =>
            AnswerJSAsync((long)arguments[0]!, (string)arguments[1]!, (int)arguments[3]!));
        connection.On("JS.EndUpdateRootComponents", [typeof(long)], _ =>
        {
            attached.TrySetResult();
            return Task.CompletedTask;
        });
        connection.On<string>("JS.Error", message =>
        {
            error = message;
            attached.TrySetException(new InvalidOperationException("The circuit failed: " + message));
        });
    }

    /// <summary>Render batches this circuit received (and acknowledged) so far.</summary>
    public int RenderBatches => Volatile.Read(ref renderBatches);

    public string? Error => error;

    public static async Task<LightBoardCircuit> StartAsync(Uri baseAddress, string path, CookieContainer cookies)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var pageUri = new Uri(baseAddress, path);
        string html;
        using (var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }))
        {
            using var response = await http.GetAsync(pageUri);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: is the cookie signed in?");
            }

            html = await response.Content.ReadAsStringAsync();
        }

        var state = ComponentState().Match(html).Groups[1].Value;
        var operations = new JsonArray();
        foreach (var (marker, index) in ServerMarkers().Matches(html).Select((match, index) => (JsonNode.Parse(match.Groups[1].Value)!.AsObject(), index)))
        {
            marker["uniqueId"] = index;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = index + 1, ["marker"] = marker });
        }

        if (operations.Count == 0)
        {
            throw new InvalidOperationException($"GET {path} has no interactive server components.");
        }

        var builder = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "_blazor"), options =>
        {
            options.Cookies = cookies;
            options.Transports = HttpTransportType.WebSockets;
        });
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var circuit = new LightBoardCircuit(builder.Build());
        await circuit.connection.StartAsync();
        await circuit.connection.InvokeAsync<string>("StartCircuit", baseAddress.ToString(), pageUri.ToString(), "[]", state);
        await circuit.connection.SendAsync("UpdateRootComponents", new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString(), state);
        await circuit.attached.Task.WaitAsync(StartTimeout);
        return circuit;
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    // The board asks the browser a few questions while it starts (MudBlazor's layout and popovers, the page title). A plain
    // answer for each keeps the components on their normal path; everything else returns nothing, as a void call does.
    private Task AnswerJSAsync(long asyncHandle, string identifier, int resultType)
    {
        const int voidResult = 3;
        var result = resultType == voidResult ? "null" : identifier switch
        {
            "window.hasOwnProperty" => "true",
            "mudpopoverHelper.countProviders" => "0",
            "mudElementRef.getBoundingClientRect" => """{"x":0,"y":0,"width":1920,"height":1080,"top":0,"right":1920,"bottom":1080,"left":0,"scrollY":0,"scrollX":0,"windowHeight":1080,"windowWidth":1920}""",
            "mudResizeListener.getBrowserWindowSize" => """{"height":1080,"width":1920}""",
            _ => "null",
        };
        return asyncHandle == 0
            ? Task.CompletedTask
            : connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, $"[{asyncHandle.ToString(CultureInfo.InvariantCulture)},true,{result}]");
    }

    [GeneratedRegex("""<!--Blazor:(\{"type":"server".*?\})-->""")]
    private static partial Regex ServerMarkers();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->")]
    private static partial Regex ComponentState();

    /// <summary>Blazor's hub speaks MessagePack under its own name.</summary>
    private sealed class BlazorPackProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol messagePack = new();

        public string Name => "blazorpack";

        public int Version => 1;

        public TransferFormat TransferFormat => TransferFormat.Binary;

        public bool IsVersionSupported(int version) => version == Version;

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) =>
            messagePack.TryParseMessage(ref input, binder, out message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => messagePack.WriteMessage(message, output);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => messagePack.GetMessageBytes(message);
    }
}
