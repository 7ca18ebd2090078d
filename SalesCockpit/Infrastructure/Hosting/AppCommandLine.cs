using System.CommandLine;

namespace SalesCockpit.Infrastructure.Hosting;

/// <summary>A maintenance command (`dotnet SalesCockpit.dll admin create …`) that runs instead of the web server.</summary>
public interface IAppCommand
{
    Command Create();
}

public static class AppCommandLine
{
    /// <summary>
    /// Runs the command named by the first argument and returns true (the exit code is set), or returns false when
    /// the arguments start the web server (no arguments, or only <c>--key value</c> settings).
    /// </summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return false;
        }

        var root = new RootCommand("SalesCockpit maintenance commands. Without a command, the web app starts.");
        foreach (var command in app.Services.GetServices<IAppCommand>())
        {
            root.Add(command.Create());
        }

        Environment.ExitCode = await root.Parse(args).InvokeAsync();
        return true;
    }

    public static IServiceCollection AddAppCommand<TCommand>(this IServiceCollection services)
        where TCommand : class, IAppCommand
        => services.AddSingleton<IAppCommand, TCommand>();
}
