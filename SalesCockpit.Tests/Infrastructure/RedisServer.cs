using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SalesCockpit.Tests.Infrastructure;

/// <summary>A real redis-server on 127.0.0.1 and a free port, without persistence, stopped with the test.</summary>
public sealed class RedisServer : IDisposable
{
    private static readonly string[] Executables = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];
    private Process? process;

    public RedisServer()
    {
        Port = FreePort();
        Start();
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>An app's settings for the Redis bus on this server, on a channel of its own unless one is shared.</summary>
    public Dictionary<string, string> BusSettings(string? channel = null) => new()
    {
        ["EventBus:Provider"] = "Redis",
        ["EventBus:RedisConfiguration"] = Configuration,
        ["EventBus:RedisChannel"] = channel ?? "test:" + Guid.NewGuid().ToString("N"),
    };

    public void Start()
    {
        var executable = Executables.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "The Redis scale-out tests need redis-server. Install Debian's package (apt-get install -y redis-server) "
                + "or run the README's test command (scripts/test.sh), which installs it.");
        process = Process.Start(new ProcessStartInfo(executable, $"--port {Port} --bind 127.0.0.1 --save \"\" --appendonly no --protected-mode yes")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        WaitUntilAccepting(TimeSpan.FromSeconds(10));
    }

    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process?.Dispose();
        process = null;
    }

    public void Dispose() => Stop();

    private void WaitUntilAccepting(TimeSpan limit)
    {
        if (!SpinWait.SpinUntil(IsAccepting, limit))
        {
            throw new InvalidOperationException($"redis-server did not start listening on port {Port}.");
        }
    }

    private bool IsAccepting()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
