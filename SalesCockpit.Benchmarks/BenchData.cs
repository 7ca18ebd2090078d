using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;

namespace SalesCockpit.Benchmarks;

/// <summary>One team with 50,000 customers and 500,000 follow-ups in a temp SQLite file, built once per run.</summary>
public static class BenchData
{
    public const int Customers = 50_000;
    public const int FollowUps = 500_000;
    public const int Reps = 20;
    public const int HotCustomerFollowUps = 500;
    public const int TeamId = 1;
    public const string TimeZoneId = "Asia/Shanghai";

    public static string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), "salescockpit-bench", "bench.db");

    public static string ManagerId { get; private set; } = "";

    public static Viewer Manager => new(ManagerId, "Bench manager", Roles.Manager, [new ViewerTeam(TeamId, "Bench", TimeZoneId, "CNY")]);

    public static IDbContextFactory<AppDbContext> Factory { get; } = new FileFactory();

    public static CustomerDirectory Directory() => new(Factory, TimeProvider.System);

    public static FlowBackJob FlowBack() => new(Factory, Bus(), TimeProvider.System, NullLogger<FlowBackJob>.Instance);

    public static CustomerImport Importer() => new(Factory, Bus(), TimeProvider.System);

    public static ITeamEventBus Bus() => new InProcessTeamEventBus(NullLogger<InProcessTeamEventBus>.Instance);

    public static void Build()
    {
        var watch = Stopwatch.StartNew();
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }

        using (var db = Factory.CreateDbContext())
        {
            db.Database.Migrate();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
            db.Add(new Team { Name = "Bench", TimeZoneId = TimeZoneId, CreatedAt = DateTime.UtcNow });
            var manager = new AppUser { UserName = "manager@bench", Email = "manager@bench", DisplayName = "Bench manager" };
            db.Add(manager);
            for (var i = 0; i < Reps; i++)
            {
                db.Add(new AppUser { UserName = $"rep{i}@bench", Email = $"rep{i}@bench", DisplayName = $"Rep {i}" });
            }

            db.SaveChanges();
            ManagerId = manager.Id;
        }

        var reps = new List<string>();
        using (var db = Factory.CreateDbContext())
        {
            reps.AddRange(db.Users.Where(user => user.Id != ManagerId).OrderBy(user => user.UserName).Select(user => user.Id));
            db.Set<TeamMembership>().AddRange(reps.Append(ManagerId).Select(id => new TeamMembership { TeamId = TeamId, UserId = id }));
            db.SaveChanges();
        }

        var random = new Random(42);
        var now = DateTime.UtcNow;
        var settings = new CustomerPoolSettings { TeamId = TeamId };
        var policy = new FlowBackPolicy(settings, TimeZoneId, TimeProvider.System);
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var customer = connection.CreateCommand();
        customer.Transaction = transaction;
        customer.CommandText = """
            INSERT INTO customers (TeamId, Name, NormalizedName, Phone, NormalizedPhone, Region, Industry, SizeBand, Stage, Source, Status, Level, MetCriteria,
                                   OwnerId, OwnerSince, HoldClockAt, ProgressClockAt, FlowBackOn, IsLocked, LastFollowUpAt, NextFollowUpOn, CreatedAt, Version)
            VALUES (1, $name, $normalized, $phone, $normalizedPhone, $region, $industry, $size, $stage, 3, $status, $level, '[]',
                    $owner, $since, $hold, $hold, $flowBackOn, 0, $last, $next, $created, $version)
            """;
        string[] names = ["name", "normalized", "phone", "normalizedPhone", "region", "industry", "size", "stage", "status", "level", "owner", "since", "hold", "flowBackOn", "last", "next", "created", "version"];
        var parameters = names.ToDictionary(name => name, name => customer.Parameters.Add("$" + name, SqliteType.Text));
        customer.Prepare();

        using var followUp = connection.CreateCommand();
        followUp.Transaction = transaction;
        followUp.CommandText = """
            INSERT INTO follow_ups (CustomerId, TeamId, AuthorId, OccurredAt, Kind, Content, Outcome, NextStep, NextFollowUpOn, CreatedAt)
            VALUES ($customer, 1, $author, $at, $kind, $content, 'Budget known', 'Send the quote', NULL, $at)
            """;
        var fCustomer = followUp.Parameters.Add("$customer", SqliteType.Integer);
        var fAuthor = followUp.Parameters.Add("$author", SqliteType.Text);
        var fAt = followUp.Parameters.Add("$at", SqliteType.Text);
        var fKind = followUp.Parameters.Add("$kind", SqliteType.Integer);
        var fContent = followUp.Parameters.Add("$content", SqliteType.Text);
        followUp.Prepare();

        static string Stamp(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        object Db(object? value) => value ?? DBNull.Value;

        var remaining = FollowUps - HotCustomerFollowUps;
        for (var id = 1; id <= Customers; id++)
        {
            var name = $"{(id % 3 == 0 ? "Bench Trading" : "苏州基准科技")} {id:D6} {(id % 2 == 0 ? "有限公司" : "Co., Ltd.")}";
            var owned = id % 5 < 3;
            var owner = owned ? reps[id % Reps] : null;
            var hold = owned ? now.AddDays(-random.Next(0, 14)).AddMinutes(-random.Next(0, 600)) : (DateTime?)null;
            var level = (CustomerLevel)(id % 3);
            var row = new Customer { Name = name, NormalizedName = "", OwnerId = owner, Level = level, Status = (CustomerStatus)(id % 3), HoldClockAt = hold, ProgressClockAt = hold };
            policy.Apply(row);
            var followUpCount = id == 1 ? HotCustomerFollowUps : Math.Min(remaining, id == Customers ? remaining : random.Next(5, 16));
            remaining -= id == 1 ? 0 : followUpCount;
            var last = now.AddDays(-random.Next(0, 40));

            parameters["name"].Value = name;
            parameters["normalized"].Value = CustomerNames.Normalize(name);
            parameters["phone"].Value = $"021-{id:D8}";
            parameters["normalizedPhone"].Value = $"021{id:D8}";
            parameters["region"].Value = id % 2 == 0 ? "苏州" : "Shanghai";
            parameters["industry"].Value = id % 10;
            parameters["size"].Value = id % 5;
            parameters["stage"].Value = id % 4;
            parameters["status"].Value = (int)row.Status;
            parameters["level"].Value = (int)level;
            parameters["owner"].Value = Db(owner);
            parameters["since"].Value = Db(hold is { } since ? Stamp(since) : null);
            parameters["hold"].Value = Db(hold is { } clock ? Stamp(clock) : null);
            parameters["flowBackOn"].Value = Db(row.FlowBackOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            parameters["last"].Value = Stamp(last);
            parameters["next"].Value = DateOnly.FromDateTime(last.AddDays(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            parameters["created"].Value = Stamp(now.AddDays(-60));
            parameters["version"].Value = Guid.NewGuid().ToString().ToUpperInvariant();
            customer.ExecuteNonQuery();

            for (var f = 0; f < followUpCount; f++)
            {
                fCustomer.Value = id;
                fAuthor.Value = owner ?? reps[(id + f) % Reps];
                fAt.Value = Stamp(last.AddHours(-f * 30));
                fKind.Value = f % 4;
                fContent.Value = "Visited the plant and met purchasing and IT. They reconcile orders in Excel; month-end costs three people two days. 上门拜访，见到采购和IT主管，需求明确。";
                followUp.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE;";
            analyze.ExecuteNonQuery();
        }

        using var count = connection.CreateCommand();
        count.CommandText = "SELECT (SELECT COUNT(*) FROM customers), (SELECT COUNT(*) FROM follow_ups)";
        using var reader = count.ExecuteReader();
        reader.Read();
        Console.WriteLine($"Dataset: {reader.GetInt64(0):N0} customers, {reader.GetInt64(1):N0} follow-ups in {watch.Elapsed.TotalSeconds:N1} s ({DatabasePath})");
    }

    /// <summary>A 10,000-row import file: new companies, a few duplicates and invalid rows, Chinese text.</summary>
    public static byte[] ImportFile(int rows = 10_000)
    {
        var text = new StringBuilder("公司名称,电话,行业,规模,客户级别,联系人,联系人电话\n");
        for (var i = 0; i < rows; i++)
        {
            var name = i % 500 == 7 ? "苏州基准科技 000001 Co., Ltd." : $"Import 导入客户 {i:D5} 有限公司";
            var industry = i % 997 == 3 ? "Spaceflight" : "制造业";
            text.Append(CultureInfo.InvariantCulture, $"{name},0512-{i:D8},{industry},Small,Standard,张{i % 100},138{i:D8}\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Removes what an import benchmark added (the rows of <see cref="ImportFile"/> are named "Import ...").</summary>
    public static void RemoveImported()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys=ON; DELETE FROM customers WHERE Name LIKE 'Import %';";
        command.ExecuteNonQuery();
    }

    /// <summary>The rows of <see cref="ImportFile"/> as the first sheet of an .xlsx workbook, every cell text as people type it.</summary>
    public static byte[] ImportWorkbook(int rows = 10_000)
    {
        var csv = Encoding.UTF8.GetString(ImportFile(rows).AsSpan(3));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        using var output = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(output, lines.Skip(1).Select(line =>
        {
            // Names hold ", " (Co., Ltd.): split from the right, the other columns never hold commas.
            var cells = line.Split(',');
            var name = string.Join(',', cells[..^(header.Length - 1)]);
            var row = new Dictionary<string, object?> { [header[0]] = name };
            for (var i = 1; i < header.Length; i++)
            {
                row[header[i]] = cells[cells.Length - header.Length + i];
            }

            return row;
        }));
        return output.ToArray();
    }

    private sealed class FileFactory : IDbContextFactory<AppDbContext>
    {
        private readonly DbContextOptions<SqliteAppDbContext> options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={DatabasePath};Default Timeout=30")
            .AddInterceptors(new SqlitePragmaInterceptor())
            .Options;

        public AppDbContext CreateDbContext() => new SqliteAppDbContext(options);
    }
}
