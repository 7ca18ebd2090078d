using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.EveningReviews;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.RideAlongs;
using SalesCockpit.Features.Targets;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Benchmarks.Board;

/// <summary>
/// A team of 30 reps with a year of history, added to a demo database with the app stopped; manager@demo.local manages it.
/// Shapes follow the demo seed steps: customers held and in the pool, follow-ups every working day, pool moves,
/// opportunities (some stalled), a morning plan and an evening review a day, ride-alongs twice a month, monthly targets;
/// today: most reps have planned, three ride-alongs are scheduled.
/// </summary>
public static class YearOfTeam
{
    public const string TeamName = "Year-30";
    public const int Reps = 30;
    public const int HeldPerRep = 150;
    public const int PoolCustomers = 1_500;
    public const int FollowUpsPerRepDay = 6;
    public const int VisitsPerPlan = 5;
    private const string TimeZoneId = "Asia/Shanghai";

    public sealed record Summary(int TeamId, int Customers, int FollowUps, int CustomerEvents, int Opportunities, int Plans, int PlannedVisits, int Reviews, int RideAlongs, int Targets, TimeSpan BuildTime);

    public static async Task<Summary> AddAsync(string databasePath)
    {
        var watch = Stopwatch.StartNew();
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={databasePath};Default Timeout=30")
            .AddInterceptors(new SqlitePragmaInterceptor()).Options;
        var random = new Random(2026);
        var now = DateTime.UtcNow;
        var today = TeamCalendar.Today(TimeProvider.System, TimeZoneId);
        var days = Enumerable.Range(1, 365).Select(ago => today.AddDays(-ago)).Where(day => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        // History never lies in the future: today's morning may not have happened yet in the team's zone.
        DateTime At(DateOnly day, int hour)
        {
            var at = TeamCalendar.StartOfDayUtc(day, TimeZoneId).AddHours(hour).AddMinutes(random.Next(0, 60));
            return at < now ? at : now.AddMinutes(-random.Next(5, 120));
        }

        await using var db = new SqliteAppDbContext(options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var team = new Team { Name = TeamName, TimeZoneId = TimeZoneId, CreatedAt = now.AddYears(-1) };
        db.Add(team);
        var manager = await db.Users.SingleAsync(user => user.Email == DemoTeam.ManagerEmail);
        var repRole = await db.Roles.Where(role => role.Name == Roles.Rep).Select(role => role.Id).SingleAsync();
        var reps = Enumerable.Range(1, Reps).Select(i => new AppUser
        {
            UserName = $"year-rep{i}@bench.local", NormalizedUserName = $"YEAR-REP{i}@BENCH.LOCAL", Email = $"year-rep{i}@bench.local",
            NormalizedEmail = $"YEAR-REP{i}@BENCH.LOCAL", DisplayName = $"Year rep {i}", CreatedAt = now.AddYears(-1),
        }).ToList();
        db.AddRange(reps);
        await db.SaveChangesAsync();
        db.AddRange(reps.Select(rep => new IdentityUserRole<string> { UserId = rep.Id, RoleId = repRole }));
        db.AddRange(reps.Append(manager).Select(person => new TeamMembership { TeamId = team.Id, UserId = person.Id }));
        db.Add(new CustomerPoolSettings { TeamId = team.Id });
        await db.SaveChangesAsync();

        var customers = new List<Customer>();
        for (var i = 0; i < Reps * HeldPerRep + PoolCustomers; i++)
        {
            var owner = i < Reps * HeldPerRep ? reps[i / HeldPerRep] : null;
            var name = $"Year customer {i:00000} {(Industry)(i % 10)} Co., Ltd.";
            var created = At(days[random.Next(days.Count)], 10);
            customers.Add(new Customer
            {
                TeamId = team.Id, Name = name, NormalizedName = CustomerNames.Normalize(name), Region = "Suzhou",
                Industry = (Industry)(i % 10), SizeBand = (SizeBand)random.Next(0, 5), Stage = (DevelopmentStage)random.Next(0, 4),
                Source = CustomerSource.Other, Status = (CustomerStatus)random.Next(0, 2), CreatedAt = created, CreatedById = manager.Id,
                OwnerId = owner?.Id, OwnerSince = owner is null ? null : created, HoldClockAt = owner is null ? null : now.AddDays(-random.Next(0, 30)),
                FlowBackOn = owner is null ? null : today.AddDays(random.Next(1, 60)), Version = Guid.NewGuid(),
            });
        }

        db.AddRange(customers);
        await db.SaveChangesAsync();
        db.AddRange(customers.Select(customer => new CustomerEvent
        {
            CustomerId = customer.Id, TeamId = team.Id, OccurredAt = customer.CreatedAt, Kind = CustomerEventKind.Created, ActorId = manager.Id,
        }));
        var moves = customers.Where(_ => random.Next(0, 3) == 0).Select(customer => new CustomerEvent
        {
            CustomerId = customer.Id, TeamId = team.Id, OccurredAt = At(days[random.Next(days.Count)], 15),
            Kind = random.Next(0, 2) == 0 ? CustomerEventKind.Claimed : CustomerEventKind.FlowedBack, ActorId = customer.OwnerId, ToOwnerId = customer.OwnerId,
        }).ToList();
        db.AddRange(moves);

        var opportunities = customers.Where(customer => customer.OwnerId is not null && random.Next(0, 3) == 0).Select(customer => new Opportunity
        {
            CustomerId = customer.Id, TeamId = team.Id, Title = "ERP rollout", AmountCents = random.Next(5_000, 300_000) * 100L,
            Stage = (OpportunityStage)random.Next(0, 3), ExpectedCloseOn = today.AddDays(random.Next(-30, 120)),
            StageChangedAt = now.AddDays(-random.Next(0, 90)), CreatedAt = customer.CreatedAt, Version = Guid.NewGuid(),
        }).ToList();
        db.AddRange(opportunities);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var held = customers.Where(customer => customer.OwnerId is not null).GroupBy(customer => customer.OwnerId!).ToDictionary(group => group.Key, group => group.ToList());
        var followUps = 0;
        var plans = 0;
        var reviews = 0;
        foreach (var day in days.Prepend(today))
        {
            var isToday = day == today;
            foreach (var (rep, index) in reps.Select((rep, index) => (rep, index)))
            {
                var mine = held[rep.Id];
                if (isToday && index % 6 == 5)
                {
                    continue; // Today, every sixth rep has not planned yet.
                }

                for (var n = 0; n < (isToday ? 0 : FollowUpsPerRepDay); n++, followUps++)
                {
                    var occurred = At(day, 9 + n);
                    db.Add(new FollowUp
                    {
                        CustomerId = mine[random.Next(mine.Count)].Id, TeamId = team.Id, AuthorId = rep.Id, OccurredAt = occurred, CreatedAt = occurred.AddMinutes(5),
                        Kind = (FollowUpKind)random.Next(0, 4), Content = "Visited on site, met purchasing and IT; month-end reconciliation costs them two days.",
                        Outcome = "Need is clear", NextStep = "Send a peer case study",
                    });
                }

                var plan = new MorningPlan
                {
                    TeamId = team.Id, RepId = rep.Id, Day = day, Goals = "Close two proposals", CommittedVisits = VisitsPerPlan, CommittedCalls = 8,
                    CommittedNewValidLeads = 1, SubmittedVisits = VisitsPerPlan, SubmittedCalls = 8, SubmittedNewValidLeads = 1,
                    CreatedAt = At(day, 0), SubmittedAt = At(day, 1), LockedAt = isToday ? null : At(day, 12), Version = Guid.NewGuid(),
                };
                for (var position = 0; position < VisitsPerPlan; position++)
                {
                    var customer = mine[random.Next(mine.Count)];
                    plan.Visits.Add(new PlannedVisit
                    {
                        Position = position, Kind = PlannedVisitKind.Visit, CustomerId = customer.Id, CustomerName = customer.Name, Purpose = "Demo the returns module",
                        StartsAt = new TimeOnly(9 + position, 0), CreatedAt = plan.CreatedAt, UpdatedAt = plan.CreatedAt,
                    });
                }

                db.Add(plan);
                plans++;
                if (!isToday)
                {
                    db.Add(new EveningReview
                    {
                        TeamId = team.Id, RepId = rep.Id, Day = day, Wins = "Trial started at two customers", Problems = "One visit moved by the customer",
                        Lesson = "Ask for the decision maker early", HelpNeeded = random.Next(0, 10) == 0 ? "Need a ride-along for a pricing talk" : null,
                        SubmittedAt = At(day, 11), Version = Guid.NewGuid(),
                    });
                    reviews++;
                }
            }

            if (plans % (Reps * 20) == 0)
            {
                await SaveAndClearAsync(db);
            }
        }

        await SaveAndClearAsync(db);
        var rideAlongs = 0;
        var targets = 0;
        for (var month = 0; month < 12; month++)
        {
            var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-month);
            foreach (var rep in reps)
            {
                db.Add(new RepTarget
                {
                    TeamId = team.Id, RepId = rep.Id, PeriodKind = PeriodKind.Month, PeriodStart = start, Kind = TargetKind.Standard,
                    RevenueCents = 200_000_00, ValidLeads = 10, Visits = 60, SetById = manager.Id, SetAt = TeamCalendar.StartOfDayUtc(start, TimeZoneId), Version = Guid.NewGuid(),
                });
                targets++;
                foreach (var week in new[] { 1, 3 })
                {
                    var day = start.AddDays(7 * week);
                    if (day >= today)
                    {
                        continue;
                    }

                    var mine = held[rep.Id];
                    db.Add(new RideAlong
                    {
                        TeamId = team.Id, ManagerId = manager.Id, RepId = rep.Id, CustomerId = mine[random.Next(mine.Count)].Id, StartsAt = At(day, 2), Day = day,
                        Step = (LadderStep)random.Next(1, 5), Status = RideAlongStatus.Completed, Feedback = "Listen longer before proposing.",
                        CompletedAt = At(day, 6), CreatedAt = At(day.AddDays(-3), 1), Version = Guid.NewGuid(),
                    });
                    rideAlongs++;
                }
            }
        }

        foreach (var rep in reps.Take(3))
        {
            var mine = held[rep.Id];
            db.Add(new RideAlong
            {
                TeamId = team.Id, ManagerId = manager.Id, RepId = rep.Id, CustomerId = mine[0].Id, StartsAt = TeamCalendar.StartOfDayUtc(today, TimeZoneId).AddHours(2 + rideAlongs % 3 * 2),
                Day = today, Step = LadderStep.YouDoIWatch, Status = RideAlongStatus.Scheduled, CreatedAt = now.AddDays(-2), Version = Guid.NewGuid(),
            });
            rideAlongs++;
        }

        await SaveAndClearAsync(db);
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        return new Summary(team.Id, customers.Count, followUps, customers.Count + moves.Count, opportunities.Count, plans, plans * VisitsPerPlan, reviews, rideAlongs, targets, watch.Elapsed);
    }

    private static async Task SaveAndClearAsync(AppDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
