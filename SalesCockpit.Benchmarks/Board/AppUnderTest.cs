using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SalesCockpit.Benchmarks.Board;

/// <summary>
/// The real app as a child process (Release build, Development environment so that static assets are served from the
/// build output) on a free port of 127.0.0.1, with its own throwaway database and key ring.
/// </summary>
public sealed class AppUnderTest : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process process;
    private readonly Queue<string> lastOutput = new();
    private int outputLines = 40;

    private AppUnderTest(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => process.Id;

    /// <summary>Starts the app on <paramref name="workFolder"/>/bench.db, seeding the demo organisation into an empty database.</summary>
    public static async Task<AppUnderTest> StartAsync(string repositoryRoot, string workFolder, bool logSql = false)
    {
        var appFolder = Path.Combine(repositoryRoot, "SalesCockpit");
        var dll = Path.Combine(appFolder, "bin", "Release", "net10.0", "SalesCockpit.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build with 'dotnet build -c Release' first.");
        }

        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            dll, "--urls", baseAddress.ToString().TrimEnd('/'),
            "--Database:ConnectionString", $"Data Source={Path.Combine(workFolder, "bench.db")}",
            "--DataProtection:KeysPath", Path.Combine(workFolder, "keys"),
            "--seed-demo",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        // Request logging to the console would be part of every measured round trip; production logs warnings.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        if (logSql)
        {
            start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        }

        var app = new AppUnderTest(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), baseAddress) { outputLines = logSql ? 20_000 : 40 };
        app.process.OutputDataReceived += (_, line) => app.Remember(line.Data);
        app.process.ErrorDataReceived += (_, line) => app.Remember(line.Data);
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        await app.WaitUntilHealthyAsync();
        return app;
    }

    /// <summary>The app process's resident set (VmRSS) in MiB.</summary>
    public double ResidentMegabytes()
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"The app exited ({process.ExitCode}):\n" + Output());
        }

        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kilobytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kilobytes / 1024.0;
            }
        }

        throw new InvalidOperationException("No VmRSS in /proc status.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The app exited while starting:\n" + Output());
            }

            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The app did not answer /healthz within {StartTimeout.TotalSeconds} s:\n" + Output());
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lastOutput)
        {
            lastOutput.Enqueue(line);
            if (lastOutput.Count > outputLines)
            {
                lastOutput.Dequeue();
            }
        }
    }

    /// <summary>The app's console output since the last call (the last lines only, unless started with <c>logSql</c>).</summary>
    public IReadOnlyList<string> TakeOutput()
    {
        lock (lastOutput)
        {
            var lines = lastOutput.ToList();
            lastOutput.Clear();
            return lines;
        }
    }

    private string Output()
    {
        lock (lastOutput)
        {
            return string.Join('\n', lastOutput);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
