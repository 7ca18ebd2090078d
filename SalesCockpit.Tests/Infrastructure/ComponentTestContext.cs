using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Localization;
using SalesCockpit.Infrastructure.Realtime;

namespace SalesCockpit.Tests.Infrastructure;

/// <summary>
/// The base of every component test: MudBlazor services, loose JS interop, a migrated in-memory database,
/// a fake clock, a recording event bus, localization, and a signed-in viewer set with <see cref="SignInAs"/>.
/// </summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    private readonly BunitAuthorizationContext authorization;

    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Pages load from a real database; on PostgreSQL on a busy CI machine that can take longer than bUnit's default second.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Services.AddMudServices();
        Services.AddAppLocalization();
        Services.AddLogging();
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(Database);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<ITeamEventBus>(Bus);
        Services.AddSingleton<ICrossServerStatus, SingleServerStatus>();
        Services.AddScoped<LivePage>();
        Services.AddMetrics();
        Services.AddSingleton<RealtimeMetrics>();
        Services.AddScoped<TeamAccess>();
        Services.AddSingleton<TeamDirectory>();
        Services.AddSingleton<SalesCockpit.Features.TeamBoard.SharedReloads>();
        authorization = AddAuthorization();
        Data = new TestData(Database);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
    }

    protected TestDatabase Database { get; } = new();

    /// <summary>Thursday 26 November 2026, 09:00 in Shanghai.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));

    protected RecordingEventBus Bus { get; } = new();

    protected TestData Data { get; }

    protected void SignInAs(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        authorization.SetAuthorized(viewer.DisplayName);
        authorization.SetRoles(viewer.Role);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, viewer.UserId));
    }

    protected static void UseCulture(string name) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only async-disposable; xUnit calls this before Dispose, which is then a no-op.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Database.Dispose();
    }
}
