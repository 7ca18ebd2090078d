using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Teams;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.Customers;

/// <summary>The customer services over one test database, a fake clock (26 Nov 2026, 09:00 Shanghai) and a recording bus.</summary>
public sealed class CustomerServices : IDisposable
{
    public CustomerServices(bool onDisk = false)
    {
        Database = new TestDatabase(onDisk);
        Data = new TestData(Database);
        Directory = new CustomerDirectory(Database, Clock);
        Pool = new CustomerPool(Database, Bus, Clock);
        FollowUps = new FollowUpLog(Database, Bus, Clock);
        Settings = new PoolSettingsService(Database, Bus, Clock);
        FlowBack = new FlowBackJob(Database, Bus, Clock, NullLogger<FlowBackJob>.Instance);
        Import = new CustomerImport(Database, Bus, Clock);
        Export = new CustomerExport(Database, Directory, Clock);
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));

    public RecordingEventBus Bus { get; } = new();

    public TestData Data { get; }

    public CustomerDirectory Directory { get; }

    public CustomerPool Pool { get; }

    public FollowUpLog FollowUps { get; }

    public PoolSettingsService Settings { get; }

    public FlowBackJob FlowBack { get; }

    public CustomerImport Import { get; }

    public CustomerExport Export { get; }

    public static CustomerInput Input(string name, string? phone = null, CustomerLevel level = CustomerLevel.Standard, params ContactInput[] contacts) =>
        new(name, phone, "Suzhou", Industry.Manufacturing, SizeBand.Medium, DevelopmentStage.Growth, CustomerSource.Outbound, null, level, null, contacts);

    /// <summary>A customer in the team's public pool, created by a manager of the team.</summary>
    public async Task<int> PoolCustomerAsync(Team team, Viewer manager, string? name = null) =>
        await Pool.CreateAsync(manager, team.Id, Input(name ?? $"Pool customer {Guid.NewGuid():N}"));

    public async Task<int> OwnedCustomerAsync(Team team, Viewer rep, string? name = null, CustomerLevel level = CustomerLevel.Standard) =>
        await Pool.CreateAsync(rep, team.Id, Input(name ?? $"Customer {Guid.NewGuid():N}", level: level));

    public Task<long> FollowUpAsync(Viewer rep, int customerId, DateOnly? next = null) =>
        FollowUps.AddFollowUpAsync(rep, customerId, new FollowUpInput(Clock.GetUtcNow().UtcDateTime, FollowUpKind.Call, "Talked about the budget in detail.", "Budget known", "Send quote", next));

    public void Dispose() => Database.Dispose();
}
