using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.MorningPlans;

/// <summary>
/// The plan services as the app wires them (<see cref="MorningPlansServiceCollectionExtensions.AddMorningPlans"/>), over a
/// migrated in-memory database, a fake clock (Thursday 26 November 2026, 09:00 in Shanghai) and a recording bus.
/// </summary>
public sealed class PlanTestContext : IDisposable
{
    public static readonly DateOnly Thursday = new(2026, 11, 26);

    private readonly ServiceProvider services;

    /// <param name="configure">More services, e.g. another suggestion source.</param>
    /// <param name="start">When the clock starts, if not Thursday 09:00 in Shanghai (a fake clock never goes back).</param>
    public PlanTestContext(Action<IServiceCollection>? configure = null, DateTimeOffset? start = null)
    {
        Clock = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(8)));
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddLocalization();
        collection.AddSingleton<IDbContextFactory<AppDbContext>>(Database);
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddSingleton<ITeamEventBus>(Bus);
        AddPlanDependencies(collection);
        configure?.Invoke(collection);
        services = collection.BuildServiceProvider();
        Data = new TestData(Database);
    }

    public TestDatabase Database { get; } = new();

    public FakeTimeProvider Clock { get; }

    public RecordingEventBus Bus { get; } = new();

    public TestData Data { get; }

    public MorningPlanService Plans => services.GetRequiredService<MorningPlanService>();

    public StandUpBoard Board => services.GetRequiredService<StandUpBoard>();

    public PlanSuggestions Suggestions => services.GetRequiredService<PlanSuggestions>();

    public PlanSettingsService Settings => services.GetRequiredService<PlanSettingsService>();

    /// <summary>Any other service the context was given, e.g. another feature's.</summary>
    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>What the plan feature needs from the others, and the feature itself.</summary>
    public static void AddPlanDependencies(IServiceCollection collection)
    {
        collection.AddSingleton<TeamDirectory>();
        collection.AddSingleton<CustomerDirectory>();
        collection.AddMorningPlans();
    }

    /// <summary>Sets the clock to a local time in Shanghai on <paramref name="day"/>.</summary>
    public void SetShanghaiTime(DateOnly day, int hour, int minute = 0, int second = 0) =>
        Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute, second)), TimeSpan.FromHours(8)));

    public static DateTime Shanghai(DateOnly day, int hour, int minute = 0) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8)).UtcDateTime;

    public Task<Customer> CustomerAsync(Team team, Viewer? owner, string name, DateOnly? nextFollowUpOn = null, DateOnly? flowBackOn = null) =>
        CustomerAsync(Database, Clock, team, owner, name, nextFollowUpOn, flowBackOn);

    /// <summary>A customer of the team, held by <paramref name="owner"/> (or in the public pool).</summary>
    public static async Task<Customer> CustomerAsync(
        IDbContextFactory<AppDbContext> database, TimeProvider clock, Team team, Viewer? owner, string name, DateOnly? nextFollowUpOn = null, DateOnly? flowBackOn = null)
    {
        await using var db = await database.CreateDbContextAsync();
        var customer = new Customer
        {
            TeamId = team.Id,
            Name = name,
            NormalizedName = CustomerNames.Normalize(name),
            OwnerId = owner?.UserId,
            OwnerSince = owner is null ? null : clock.GetUtcNow().UtcDateTime.AddDays(-10),
            Status = CustomerStatus.ValidLead,
            NextFollowUpOn = nextFollowUpOn,
            FlowBackOn = flowBackOn,
            CreatedAt = clock.GetUtcNow().UtcDateTime.AddDays(-20),
        };
        db.Add(customer);
        await db.SaveChangesAsync();
        return customer;
    }

    public async Task FollowUpAsync(Customer customer, Viewer author, DateTime occurredAt, FollowUpKind kind = FollowUpKind.Visit)
    {
        await using var db = await Database.CreateDbContextAsync();
        db.Add(new FollowUp
        {
            CustomerId = customer.Id,
            TeamId = customer.TeamId,
            AuthorId = author.UserId,
            OccurredAt = occurredAt,
            Kind = kind,
            Content = "Met them.",
            CreatedAt = occurredAt,
        });
        await db.SaveChangesAsync();
    }

    public static PlanInput Input(string? goals = "Close two deals", params PlannedVisitInput[] visits) =>
        new(goals, null, 3, 8, 1, visits, [], Guid.Empty);

    public static PlannedVisitInput VisitTo(Customer customer, string purpose = "Demo", PlannedVisitKind kind = PlannedVisitKind.Visit) =>
        new(null, kind, customer.Id, null, purpose, new TimeOnly(10, 0), new TimeOnly(11, 0), "A demo booked");

    public static PlannedVisitInput Prospect(string name, string purpose = "Introduce us") =>
        new(null, PlannedVisitKind.Visit, null, name, purpose);

    public void Dispose()
    {
        services.Dispose();
        Database.Dispose();
    }
}
