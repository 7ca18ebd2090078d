using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace SalesCockpit.Tests.Infrastructure;

/// <summary>
/// The app as an operator installs it: <c>dotnet publish</c> once into a temp folder (from the build the tests ran
/// against), then <c>dotnet SalesCockpit.dll</c> processes in Production, each data folder its own installation.
/// </summary>
public sealed partial class PublishedApp : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    // Every installation the tests make lives under this folder, deleted with the published app.
    private readonly string dataFolders = Path.Combine(Path.GetTempPath(), "salescockpit-tests", Guid.NewGuid().ToString("N"));

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "salescockpit-published", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name; // bin/<configuration>/net10.0
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SalesCockpit.sln")))
        {
            root = root.Parent;
        }

        var project = Path.Combine(root?.FullName ?? throw new InvalidOperationException("SalesCockpit.sln not found above the test output."), "SalesCockpit", "SalesCockpit.csproj");
        var (exitCode, output, error) = await RunAsync("dotnet", ["publish", project, "--no-build", "-c", configuration, "-o", Folder, "-v", "q"], Environment.CurrentDirectory, new Dictionary<string, string>());
        Assert.True(exitCode == 0, $"dotnet publish failed:\n{output}\n{error}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        if (Directory.Exists(dataFolders))
        {
            Directory.Delete(dataFolders, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>A fresh installation: its own data folder (database and key ring), nothing in it yet.</summary>
    public string NewDataFolder()
    {
        var folder = Path.Combine(dataFolders, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Runs <c>dotnet SalesCockpit.dll &lt;arguments&gt;</c> against a data folder, as an operator would.</summary>
    public Task<(int ExitCode, string Output, string Error)> RunCommandAsync(string dataFolder, IReadOnlyList<string> arguments, string? input = null)
        => RunAsync("dotnet", ["SalesCockpit.dll", .. arguments], Folder, Settings(dataFolder, new Dictionary<string, string>()), input);

    /// <summary>Starts the server on 127.0.0.1 (a free port) in Production and returns once it listens.</summary>
    public async Task<RunningApp> StartAsync(string dataFolder, IDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet", ["SalesCockpit.dll", "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in Settings(dataFolder, settings ?? new Dictionary<string, string>()))
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        process.OutputDataReceived += (_, line) =>
        {
            lock (log)
            {
                log.AppendLine(line.Data);
            }

            if (line.Data is { } text && ListeningLine().Match(text) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            lock (log)
            {
                log.AppendLine(line.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(listening.Task, exited, Task.Delay(Patience)) != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The published app did not start listening:\n{log}");
        }

        return new RunningApp(process, await listening.Task, log);
    }

    public static string DatabasePath(string dataFolder) => Path.Combine(dataFolder, "salescockpit.db");

    private static Dictionary<string, string> Settings(string dataFolder, IDictionary<string, string> extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = $"Data Source={DatabasePath(dataFolder)}",
            ["DataProtection__KeysPath"] = Path.Combine(dataFolder, "keys"),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string executable, IReadOnlyList<string> arguments, string workingDirectory, IDictionary<string, string> environment, string? input = null)
    {
        var start = new ProcessStartInfo(executable, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    // Also inside a JSON log line, where the address ends at the closing quote.
    [GeneratedRegex(@"Now listening on: (http://[^\s""]+)")]
    private static partial Regex ListeningLine();

    public sealed class RunningApp(Process process, Uri baseAddress, StringBuilder log) : IAsyncDisposable
    {
        public Uri BaseAddress { get; } = baseAddress;

        /// <summary>What the app has written to its console (standard output and error) so far.</summary>
        public IReadOnlyList<string> LogLines()
        {
            lock (log)
            {
                return log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
            SqliteConnection.ClearAllPools();
        }
    }
}
