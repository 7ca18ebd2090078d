using System.CommandLine;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Hosting;

namespace SalesCockpit.Features.Teams;

/// <summary><c>admin create --email … [--name …] [--password …|-]</c>: applies migrations, then creates the administrator.</summary>
internal sealed class AdminCommand(DatabaseInitializer database, IServiceScopeFactory scopes) : IAppCommand
{
    public Command Create()
    {
        var email = new Option<string>("--email") { Description = "The administrator's e-mail, used to sign in.", Required = true };
        var name = new Option<string?>("--name") { Description = "The name shown in the app (default: the e-mail)." };
        var password = new Option<string?>("--password")
        {
            Description = "The password; '-' reads it from standard input. Without it a strong password is generated and printed once.",
        };
        var create = new Command("create", "Creates an administrator. Running it again for the same e-mail changes nothing.") { email, name, password };
        create.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            await database.InitializeAsync(seedDemo: false, cancellationToken);

            var given = parse.GetValue(password);
            var generated = given is null;
            var secret = given switch
            {
                null => AdminAccounts.GeneratePassword(),
                "-" => (await Console.In.ReadLineAsync(cancellationToken))?.Trim() ?? "",
                _ => given,
            };
            var address = parse.GetRequiredValue(email);

            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AdminAccounts>().CreateAsync(address, parse.GetValue(name), secret);
            switch (result.Outcome)
            {
                case AdminCreationOutcome.Created:
                    await output.WriteLineAsync($"Created administrator {address}.");
                    if (generated)
                    {
                        await output.WriteLineAsync($"Password: {secret}");
                        await output.WriteLineAsync("It is shown only now: sign in and keep it safe.");
                    }

                    return 0;
                case AdminCreationOutcome.AlreadyExists:
                    await output.WriteLineAsync($"An account with the e-mail {address} already exists; nothing was changed.");
                    return 0;
                default:
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"Administrator {address} was not created: {string.Join(" ", result.Errors)}");
                    return 1;
            }
        });
        return new Command("admin", "Administrator accounts.") { create };
    }
}
