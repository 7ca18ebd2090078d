using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Customers;

namespace SalesCockpit.Benchmarks;

/// <summary>Reads a user waits for: a list page and a customer's timeline, next to a bare round trip.</summary>
[Config(typeof(ShortConfig))]
public class CustomerReadBenchmarks
{
    private readonly CustomerDirectory directory = BenchData.Directory();

    [Benchmark(Baseline = true, Description = "Baseline: SELECT 1 round trip (new context)")]
    public async Task<int> SelectOne()
    {
        await using var db = await BenchData.Factory.CreateDbContextAsync();
        return await db.Database.SqlQueryRaw<int>("SELECT 1 AS Value").SingleAsync();
    }

    [Benchmark(Description = "List page: team, 25 rows, flow-back order, with total")]
    public async Task<int> TeamListPage() =>
        (await directory.ListAsync(BenchData.Manager, new CustomerQuery(BenchData.TeamId, CustomerScope.Team))).Rows.Count;

    [Benchmark(Description = "List page: team, search '000123', filter status + fit")]
    public async Task<int> TeamListSearch() =>
        (await directory.ListAsync(BenchData.Manager, new CustomerQuery(BenchData.TeamId, CustomerScope.Team, Search: "000123", Status: CustomerStatus.Lead, Fit: PersonaFit.Unknown))).Rows.Count;

    [Benchmark(Description = "Timeline: customer with 500 follow-ups (latest 100)")]
    public async Task<int> Timeline() => (await directory.TimelineAsync(BenchData.Manager, 1)).Count;
}

/// <summary>Writes that touch many rows: a flow-back run that moves 2,000 customers, and a 10,000-row CSV import.</summary>
[Config(typeof(SingleInvocationConfig))]
public class CustomerWriteBenchmarks
{
    private const int DueCustomers = 2_000;
    private readonly FlowBackJob flowBack = BenchData.FlowBack();
    private readonly CustomerImport importer = BenchData.Importer();
    private readonly byte[] importFile = BenchData.ImportFile();
    private List<int> dueIds = [];

    [GlobalSetup(Target = nameof(FlowBackRun))]
    public void PickDueCustomers()
    {
        using var db = BenchData.Factory.CreateDbContext();
        dueIds = [.. db.Set<Customer>().Where(customer => customer.OwnerId != null).OrderBy(customer => customer.Id).Select(customer => customer.Id).Take(DueCustomers)];
    }

    [IterationSetup(Target = nameof(FlowBackRun))]
    public void MakeCustomersDue()
    {
        using var db = BenchData.Factory.CreateDbContext();
        var reps = db.Users.Where(user => user.Id != BenchData.ManagerId).Select(user => user.Id).ToList();
        var longAgo = DateTime.UtcNow.AddDays(-100);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));
        db.Set<CustomerEvent>().Where(customerEvent => customerEvent.Kind == CustomerEventKind.FlowedBack).ExecuteDelete();
        db.Set<Customer>().Where(customer => dueIds.Contains(customer.Id))
            .ExecuteUpdate(setters => setters
                .SetProperty(customer => customer.OwnerId, reps[0])
                .SetProperty(customer => customer.HoldClockAt, longAgo)
                .SetProperty(customer => customer.ProgressClockAt, longAgo)
                .SetProperty(customer => customer.Status, CustomerStatus.Lead)
                .SetProperty(customer => customer.FlowBackOn, yesterday));
    }

    [Benchmark(Description = "Flow-back job: 2,000 due of 30,000 held")]
    public Task<int> FlowBackRun() => flowBack.RunForTeamAsync(BenchData.TeamId, BenchData.TimeZoneId);

    [IterationSetup(Target = nameof(Import))]
    public void RemoveImported() => BenchData.RemoveImported();

    [Benchmark(Description = "CSV import: 10,000 rows, preview + commit")]
    public async Task<int> Import()
    {
        using var stream = new MemoryStream(importFile);
        var preview = await importer.PreviewAsync(BenchData.Manager, BenchData.TeamId, stream);
        return await importer.ImportAsync(BenchData.Manager, preview, toPublicPool: true);
    }
}
