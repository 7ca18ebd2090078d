using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.MorningPlans;

/// <summary>
/// A week of plans for every demo rep, built on the customers seed: past visits are against the rep's own customers, and
/// they happened when the rep has a follow-up with that customer that day (some did not). Today some reps have submitted
/// (one late, one edited afterwards, with a comment and a ride-along mark), one has a draft and the rest have nothing yet.
/// </summary>
internal sealed class MorningPlansDemoSeed(TimeProvider clock) : IDemoSeedStep
{
    private const int PastDays = 8;

    private static readonly string[] Goals =
    [
        "推进两个商机到报价阶段，清掉逾期跟进 Move two opportunities to proposal; clear overdue follow-ups",
        "约到{0}的决策人，确认采购时间 Reach the decision maker at {0} and confirm purchase timing",
        "拿到{0}的试用反馈，争取进入报价 Get trial feedback from {0} and move to a quote",
        "新增一条有效线索，回流预警的客户全部跟进 Add one valid lead; follow up every customer near flow-back",
        "上午集中打电话，下午两个拜访，晚上整理跟进记录 Calls in the morning, two visits after lunch, notes in the evening",
    ];

    private static readonly string[] VisitPurposes =
    [
        "演示对账和库存模块 Demo reconciliation and inventory",
        "见总经理，确认预算 Meet the GM, confirm the budget",
        "送报价，谈分期方案 Deliver the quote, discuss instalments",
        "现场看仓库和退货流程 See the warehouse and returns on site",
        "一起回顾试用情况 Review the trial together",
    ];

    private static readonly string[] CallPurposes =
    [
        "确认采购季时间 Confirm the purchasing season",
        "跟进白皮书的反馈 Follow up on the white paper",
        "约下次拜访时间 Book the next visit",
        "确认谁拍板 Confirm who decides",
    ];

    private static readonly string[] ExpectedResults =
    [
        "约定下周签约时间 A signing date next week",
        "拿到预算范围 The budget range",
        "进入报价阶段 Move to proposal",
        "约到现场演示 An on-site demo booked",
        "确认决策链 The decision chain confirmed",
    ];

    private static readonly string[] Stretches =
    [
        "今天争取签一单 Close one deal today",
        "多打5个陌生电话 Five extra cold calls",
        "拿到一个转介绍 Get one referral",
    ];

    private static readonly string[] CommentTexts =
    [
        "先确认决策人再报价，别急着给价格 Confirm the decision maker before quoting; no price yet",
        "电话量偏少，上午再加5个 Calls are light: add five more this morning",
        "这个客户两周没进展了，今天一定要拿到明确答复 Two weeks without progress here: get a clear answer today",
        "目标写具体点：见谁、拿到什么 Make the goals concrete: whom you meet and what you get",
        "昨天没去成的拜访今天补上 Make up yesterday's missed visit today",
    ];

    public int Order => 20;

    public async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var random = new Random(20261127);
        var now = clock.GetUtcNow().UtcDateTime;
        var teams = await db.Set<Team>().OrderBy(team => team.Id).ToListAsync(cancellationToken);
        foreach (var team in teams)
        {
            var (reps, manager) = await TeamData.RepsAndManagerAsync(db, team.Id, cancellationToken);
            if (reps.Count == 0 || manager is null)
            {
                continue;
            }

            var east = team.Name == TeamsDemoSeed.EastTeamName;
            var settings = east
                ? new MorningPlanSettings { TeamId = team.Id, ExpectedVisits = 3, ExpectedCalls = 8, ExpectedNewValidLeads = 1 }
                : new MorningPlanSettings { TeamId = team.Id, ExpectedVisits = 2, ExpectedCalls = 10, ExpectedNewValidLeads = 1, PlanDueAt = new TimeOnly(9, 0) };
            db.Add(settings);

            var builder = new TeamPlans(db, team, settings, manager, random, now);
            var statuses = east ? TodayEast : TodayNorth;
            for (var i = 0; i < reps.Count; i++)
            {
                await builder.PastAsync(reps[i], cancellationToken);
                await builder.TodayAsync(reps[i], statuses[i % statuses.Length], cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.AddRange(builder.Comments.Select(comment => new PlanComment
            {
                PlanId = comment.Plan.Id,
                TeamId = team.Id,
                AuthorId = manager,
                Text = CommentTexts[random.Next(CommentTexts.Length)],
                CreatedAt = comment.At,
            }));
            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>How far each demo rep is today, by their order of e-mail (rep1, rep2, ...).</summary>
    private enum TodayStatus
    {
        Nothing,
        Submitted,
        SubmittedWithRideAlong,
        EditedAfterSubmission,
        SubmittedLate,
        Draft,
    }

    private static readonly TodayStatus[] TodayEast = [TodayStatus.Nothing, TodayStatus.SubmittedWithRideAlong, TodayStatus.EditedAfterSubmission, TodayStatus.Draft, TodayStatus.SubmittedLate, TodayStatus.Nothing];

    private static readonly TodayStatus[] TodayNorth = [TodayStatus.SubmittedWithRideAlong, TodayStatus.Nothing, TodayStatus.Draft];

    private sealed class TeamPlans(AppDbContext db, Team team, MorningPlanSettings settings, string manager, Random random, DateTime now)
    {
        private readonly string tz = team.TimeZoneId;
        private readonly DateOnly today = TeamCalendar.DateOf(now, team.TimeZoneId);

        /// <summary>Comments wait for their plan's id.</summary>
        public List<(MorningPlan Plan, DateTime At)> Comments { get; } = [];

        private DateTime At(DateOnly day, int hour, int minute) => TeamCalendar.StartOfDayUtc(day, tz).AddHours(hour).AddMinutes(minute);

        public async Task PastAsync(string rep, CancellationToken cancellationToken)
        {
            var held = await db.Set<Customer>().AsNoTracking()
                .Where(customer => customer.TeamId == team.Id && customer.OwnerId == rep)
                .Select(customer => new { customer.Id, customer.Name })
                .ToListAsync(cancellationToken);
            if (held.Count == 0)
            {
                return;
            }

            var from = TeamCalendar.StartOfDayUtc(today.AddDays(-PastDays), tz);
            var until = TeamCalendar.StartOfDayUtc(today, tz);
            var followUps = await db.Set<FollowUp>().AsNoTracking()
                .Where(followUp => followUp.AuthorId == rep && followUp.TeamId == team.Id && followUp.OccurredAt >= from && followUp.OccurredAt < until)
                .Select(followUp => new { followUp.CustomerId, followUp.Kind, followUp.OccurredAt })
                .ToListAsync(cancellationToken);
            var names = held.ToDictionary(customer => customer.Id, customer => customer.Name);

            for (var daysAgo = PastDays; daysAgo >= 1; daysAgo--)
            {
                var day = today.AddDays(-daysAgo);
                if (day.DayOfWeek == DayOfWeek.Sunday || random.Next(0, 10) == 0)
                {
                    continue; // a day off, or a day the rep did not plan
                }

                var contacted = followUps.Where(followUp => TeamCalendar.DateOf(followUp.OccurredAt, tz) == day && names.ContainsKey(followUp.CustomerId))
                    .GroupBy(followUp => followUp.CustomerId).Take(3)
                    .Select(group => (group.Key, group.Any(followUp => followUp.Kind is FollowUpKind.Visit or FollowUpKind.Meeting) ? PlannedVisitKind.Visit : PlannedVisitKind.Call))
                    .ToList();
                var notDone = held.Where(customer => contacted.All(done => done.Key != customer.Id))
                    .OrderBy(_ => random.Next()).Take(random.Next(1, 3))
                    .Select(customer => (customer.Id, random.Next(0, 3) == 0 ? PlannedVisitKind.Call : PlannedVisitKind.Visit));
                var submittedAt = random.Next(0, 7) == 0 ? At(day, 9, random.Next(35, 80)) : At(day, 8, random.Next(5, 55));
                var plan = NewPlan(rep, day, [.. contacted, .. notDone], names, submittedAt);
                if (random.Next(0, 4) == 0)
                {
                    Comments.Add((plan, submittedAt.AddMinutes(random.Next(10, 40))));
                }

                if (random.Next(0, 4) == 0 && plan.Visits.FirstOrDefault(visit => visit.Kind == PlannedVisitKind.Visit) is { } joined)
                {
                    (joined.RideAlongRequestedByUserId, joined.RideAlongRequestedAt) = (manager, submittedAt.AddMinutes(15));
                }
            }
        }

        public async Task TodayAsync(string rep, TodayStatus status, CancellationToken cancellationToken)
        {
            if (status == TodayStatus.Nothing)
            {
                return;
            }

            // Today's plan starts from what the rep's customers ask for: follow-ups due, then others.
            var customers = await db.Set<Customer>().AsNoTracking()
                .Where(customer => customer.TeamId == team.Id && customer.OwnerId == rep && customer.Status != CustomerStatus.Won)
                .OrderBy(customer => customer.NextFollowUpOn == null).ThenBy(customer => customer.NextFollowUpOn).ThenBy(customer => customer.Id)
                .Select(customer => new { customer.Id, customer.Name })
                .Take(4)
                .ToListAsync(cancellationToken);
            if (customers.Count == 0)
            {
                return;
            }

            var names = customers.ToDictionary(customer => customer.Id, customer => customer.Name);
            var planned = customers.Select((customer, index) => (customer.Id, index % 3 == 2 ? PlannedVisitKind.Call : PlannedVisitKind.Visit)).ToList();
            var due = TeamCalendar.StartOfDayUtc(today, tz).Add(settings.PlanDueAt.ToTimeSpan());
            // Seeded instants never lie in the future: started early in the morning, the demo's plans were made the evening before.
            var early = At(today, 8, random.Next(10, 50));
            DateTime? submittedAt = status switch
            {
                TodayStatus.Draft => null,
                // Late only once the due time has passed; seeded before it, this rep is simply in early.
                TodayStatus.SubmittedLate when now > due.AddMinutes(20) => due.AddMinutes(random.Next(5, 20)),
                _ => early < now.AddMinutes(-40) ? early : now.AddMinutes(-40 - random.Next(0, 20)),
            };
            var plan = NewPlan(rep, today, planned, names, submittedAt);
            if (status == TodayStatus.SubmittedWithRideAlong)
            {
                var joined = plan.Visits.First(visit => visit.Kind == PlannedVisitKind.Visit);
                (joined.RideAlongRequestedByUserId, joined.RideAlongRequestedAt) = (manager, submittedAt!.Value.AddMinutes(12));
                Comments.Add((plan, submittedAt.Value.AddMinutes(10)));
            }
            else if (status == TodayStatus.EditedAfterSubmission && submittedAt is { } submitted)
            {
                var edited = submitted.AddMinutes(25);
                var last = plan.Visits[^1];
                last.RemovedAt = edited;
                plan.Visits.Add(Visit(plan.Visits.Count, PlannedVisitKind.Call, last.CustomerId, last.CustomerName, 14, edited));
                plan.CommittedCalls++;
                plan.EditedAfterSubmitAt = edited;
            }
        }

        private MorningPlan NewPlan(string rep, DateOnly day, List<(int CustomerId, PlannedVisitKind Kind)> planned, Dictionary<int, string> names, DateTime? submittedAt)
        {
            var created = submittedAt?.AddMinutes(-random.Next(5, 25)) ?? now.AddMinutes(-random.Next(5, 30));
            var firstCustomer = planned.Count > 0 ? names[planned[0].CustomerId] : "";
            var plan = new MorningPlan
            {
                TeamId = team.Id,
                RepId = rep,
                Day = day,
                Goals = string.Format(System.Globalization.CultureInfo.InvariantCulture, Goals[random.Next(Goals.Length)], firstCustomer),
                Stretch = random.Next(0, 3) == 0 ? Stretches[random.Next(Stretches.Length)] : null,
                CreatedAt = created,
                SubmittedAt = submittedAt,
            };
            var hour = 9;
            for (var i = 0; i < planned.Count; i++)
            {
                var (customerId, kind) = planned[i];
                plan.Visits.Add(Visit(i, kind, customerId, names[customerId], hour, created));
                hour += kind == PlannedVisitKind.Visit ? 2 : 1;
                hour = hour is 12 or 13 ? 14 : hour;
            }

            var visits = plan.Visits.Count(visit => visit.Kind == PlannedVisitKind.Visit);
            plan.CommittedVisits = Math.Max(visits, settings.ExpectedVisits - random.Next(0, 2));
            plan.CommittedCalls = plan.Visits.Count - visits + settings.ExpectedCalls - random.Next(-1, 4);
            plan.CommittedNewValidLeads = random.Next(0, 3);
            if (submittedAt is not null)
            {
                (plan.SubmittedVisits, plan.SubmittedCalls, plan.SubmittedNewValidLeads) = (plan.CommittedVisits, plan.CommittedCalls, plan.CommittedNewValidLeads);
            }

            db.Add(plan);
            return plan;
        }

        private PlannedVisit Visit(int position, PlannedVisitKind kind, int? customerId, string customerName, int hour, DateTime at)
        {
            var start = new TimeOnly(hour, random.Next(0, 2) * 30);
            return new PlannedVisit
            {
                Position = position,
                Kind = kind,
                CustomerId = customerId,
                CustomerName = customerName,
                Purpose = kind == PlannedVisitKind.Visit ? VisitPurposes[random.Next(VisitPurposes.Length)] : CallPurposes[random.Next(CallPurposes.Length)],
                StartsAt = start,
                EndsAt = start.AddMinutes(kind == PlannedVisitKind.Visit ? 60 : 20),
                ExpectedResult = ExpectedResults[random.Next(ExpectedResults.Length)],
                CreatedAt = at,
                UpdatedAt = at,
            };
        }
    }
}
