using Microsoft.AspNetCore.DataProtection;
using MudBlazor.Services;
using SalesCockpit.Components;
using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.EveningReviews;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.RideAlongs;
using SalesCockpit.Features.Targets;
using SalesCockpit.Features.TeamBoard;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Hosting;
using SalesCockpit.Infrastructure.Localization;
using SalesCockpit.Infrastructure.Realtime;

var builder = WebApplication.CreateBuilder(SeedDemoSwitch.Remove(args, out var seedDemoSwitch));
var seedDemo = seedDemoSwitch || builder.Configuration.GetValue<bool>("Database:SeedDemo");

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices(mud =>
{
    // Confirmations such as "follow-up saved" appear and leave quickly instead of fading for seconds.
    mud.SnackbarConfiguration.ShowTransitionDuration = 200;
    mud.SnackbarConfiguration.HideTransitionDuration = 300;
});
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddAppLocalization();
builder.Services.AddAppDatabase(builder.Configuration, builder.Environment);
builder.Services.AddDataProtection()
    .SetApplicationName("SalesCockpit")
    .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(builder.Configuration["DataProtection:KeysPath"] ?? "data/keys", builder.Environment.ContentRootPath)));
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddTeamEventBus(builder.Configuration);
builder.Services.AddReverseProxySupport(builder.Configuration);
builder.Services.AddTelemetry(builder.Configuration);
builder.Services.AddTeams();
builder.Services.AddTeamBoard();
builder.Services.AddCustomers();
builder.Services.AddMorningPlans();
builder.Services.AddTargets();
builder.Services.AddCoaching();
builder.Services.AddRideAlongs();
builder.Services.AddEveningReviews();

var app = builder.Build();
if (await app.RunCommandAsync(args))
{
    return;
}

await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealth();
app.MapHealthProbes();
app.MapCultureSwitch();
app.MapAccountEndpoints();
app.MapCustomerEndpoints();
app.MapRideAlongEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
