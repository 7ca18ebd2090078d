using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.RideAlongs;

/// <summary>
/// Eight weeks of completed ride-alongs for every demo rep, climbing the ladder at different speeds, with notes, scores,
/// feedback and agreed actions (some due); one ride-along today in East-1 and a few ahead, and one for each visit the
/// manager marked to join. Deterministic (fixed seed).
/// </summary>
internal sealed class RideAlongsDemoSeed(TimeProvider clock) : IDemoSeedStep
{
    private static readonly (NoteTag? Tag, string Text)[] Notes =
    [
        (NoteTag.Strength, "开场自然，先聊了客户最近的扩产 Natural opening: started with the customer's recent expansion"),
        (NoteTag.ToImprove, "太早报价，还没问清预算 Quoted too early, before the budget was clear"),
        (NoteTag.CustomerSignal, "采购经理主动问实施周期 The purchasing manager asked about rollout time unprompted"),
        (NoteTag.Objection, "客户说竞品便宜10% Customer says a competitor is 10% cheaper"),
        (NoteTag.NextStep, "下周带案例再来 Come back next week with a case study"),
        (NoteTag.Strength, "用同行案例回应了价格异议 Answered the price objection with a peer case"),
        (NoteTag.ToImprove, "没确认谁是决策人 Did not confirm who decides"),
        (null, "客户提到月底对账要加班两天 Month-end reconciliation costs them two days of overtime"),
        (NoteTag.CustomerSignal, "总经理中途加入会议 The GM joined the meeting halfway"),
        (NoteTag.ToImprove, "说得太多，客户插不上话 Talked too much; the customer could hardly speak"),
    ];

    private static readonly string[] Feedbacks =
    [
        "开场很好。下次先问预算和决策流程，再谈方案。Good opening. Next time ask about budget and the decision process before the proposal.",
        "异议处理有进步，用案例比讲功能有效。Objection handling improved: a case works better than features.",
        "要多听少说：客户说的痛点是切入点。Listen more, talk less: the pain the customer names is your way in.",
        "收尾要明确下一步和时间。Close with a clear next step and a date.",
    ];

    private static readonly string[] Accounts =
    [
        "我觉得客户最关心的是上线风险，所以我重点讲了分阶段实施。I think rollout risk is their main worry, so I focused on a phased rollout.",
        "价格异议时我有点慌，后来想起了同行案例。I panicked a bit at the price objection, then remembered the peer case.",
        "这次我先问了预算，客户很配合。This time I asked about budget first and the customer was open.",
    ];

    private static readonly string[] Actions =
    [
        "整理同行业案例发给客户 Send the customer a peer case study",
        "约决策人见面 Book a meeting with the decision maker",
        "准备分期报价 Prepare an instalment quote",
        "复盘这次拜访，写三条改进 Write three improvements from this visit",
    ];

    public int Order => 30;

    public async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var random = new Random(20261127);
        var now = clock.GetUtcNow().UtcDateTime;
        var teams = await db.Set<Team>().OrderBy(team => team.Id).ToListAsync(cancellationToken);
        foreach (var team in teams)
        {
            await TeamSkills.EnsureDefaultsAsync(db, team.Id, clock, cancellationToken);
            var skills = await db.Set<CoachingSkill>().Where(skill => skill.TeamId == team.Id).OrderBy(skill => skill.SortOrder).Select(skill => skill.Id).ToListAsync(cancellationToken);
            var (reps, manager) = await TeamData.RepsAndManagerAsync(db, team.Id, cancellationToken);
            if (manager is null || reps.Count == 0 || skills.Count == 0)
            {
                continue;
            }

            var today = TeamCalendar.Today(clock, team.TimeZoneId);
            var zone = TeamCalendar.Zone(team.TimeZoneId);
            DateTime At(DateOnly day, int hour, int minute = 0) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Unspecified), zone);

            for (var r = 0; r < reps.Count; r++)
            {
                var rep = reps[r];
                var customers = await db.Set<Customer>().Where(customer => customer.TeamId == team.Id && customer.OwnerId == rep).OrderBy(customer => customer.Id).Select(customer => customer.Id).Take(12).ToListAsync(cancellationToken);
                if (customers.Count == 0)
                {
                    continue;
                }

                // Reps climb at different speeds: the first is still watching, later ones explain their own visits.
                var baseStep = 1 + r % 4;
                var steps = skills.Select((_, index) => (LadderStep)Math.Clamp(baseStep + (index % 3) - 1, 1, 4)).ToList();
                var reachedAt = At(today.AddDays(-36), 18);
                db.AddRange(skills.Select((skillId, index) => new LadderPosition
                {
                    RepId = rep, SkillId = skillId, TeamId = team.Id, Step = steps[index], ReachedAt = reachedAt, MovedById = manager,
                }));

                var history = 3 + r % 3;
                for (var k = history; k >= 1; k--)
                {
                    var day = PreviousWeekday(today.AddDays(-k * 9 - r % 3));
                    // The second rep's last two visits coached the same two skills at the step they are on.
                    var focus = r == 1 && k <= 2
                        ? [1 % skills.Count, 4 % skills.Count]
                        : new[] { (k + r) % skills.Count, (k + r + 2) % skills.Count }.Distinct().ToList();
                    var step = focus.Select(index => steps[index]).Min();
                    var rideAlong = new RideAlong
                    {
                        TeamId = team.Id, ManagerId = manager, RepId = rep, CustomerId = customers[(k + r) % customers.Count],
                        StartsAt = At(day, k % 2 == 0 ? 10 : 14, 30), Day = day, Step = step, FocusSkillIds = [.. focus.Select(index => skills[index])],
                        Status = RideAlongStatus.Completed, CompletedAt = At(day, 18), CreatedAt = At(day.AddDays(-3), 9),
                        RepAccount = Accounts[(k + r) % Accounts.Length], Feedback = Feedbacks[(k * 3 + r) % Feedbacks.Length],
                    };
                    db.Add(rideAlong);
                    await db.SaveChangesAsync(cancellationToken);

                    var first = random.Next(Notes.Length);
                    for (var n = 0; n < 4 + random.Next(0, 3); n++)
                    {
                        var note = Notes[(first + n * 3) % Notes.Length];
                        var takenAt = rideAlong.StartsAt.AddMinutes(4 + n * 7 + random.Next(0, 5));
                        db.Add(new RideAlongNote { Id = Guid.NewGuid(), RideAlongId = rideAlong.Id, AuthorId = manager, Text = note.Text, Tag = note.Tag, TakenAt = takenAt, SavedAt = takenAt });
                    }

                    foreach (var index in focus)
                    {
                        // The second rep scores well at their step lately: the ladder suggests moving them up.
                        var score = r == 1 && k <= 2 ? 4 + random.Next(0, 2) : Math.Clamp(2 + (int)steps[index] / 2 + random.Next(-1, 2), 1, 5);
                        db.Add(new SkillScore { RideAlongId = rideAlong.Id, SkillId = skills[index], Score = score, ScoredAt = rideAlong.CompletedAt.Value });
                    }

                    var dueOn = k == 1 ? (r % 2 == 0 ? today : today.AddDays(-1)) : day.AddDays(5);
                    db.Add(new AgreedAction
                    {
                        Id = Guid.NewGuid(), RideAlongId = rideAlong.Id, TeamId = team.Id, Text = Actions[(k + r) % Actions.Length], OwnerId = rep,
                        DueOn = dueOn, DoneAt = k == 1 ? null : At(dueOn, 17), CreatedAt = rideAlong.CompletedAt.Value,
                    });
                    await db.SaveChangesAsync(cancellationToken);
                }

                // Ahead: East-1's first rep today, a few more in the coming days.
                if (r < 3)
                {
                    var day = r == 0 && team.Name == TeamsDemoSeed.EastTeamName ? today : NextWeekday(today.AddDays(r + 1));
                    var focus = new[] { r % skills.Count, (r + 3) % skills.Count };
                    db.Add(new RideAlong
                    {
                        TeamId = team.Id, ManagerId = manager, RepId = rep, CustomerId = customers[0], StartsAt = At(day, r == 0 ? 15 : 10),
                        Day = day, Step = focus.Select(index => steps[index]).Min(), FocusSkillIds = [.. focus.Select(index => skills[index])],
                        Status = RideAlongStatus.Scheduled, CreatedAt = now,
                    });
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await ScheduleMarkedVisitsAsync(db, team.Id, today, now, At, cancellationToken);
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The visits the manager marked to join on the seeded plans become ride-alongs, as a mark makes them in use (the plan
    /// seed runs first and cannot reach this feature): the stand-up and the board show the same list.
    /// </summary>
    private static async Task ScheduleMarkedVisitsAsync(
        AppDbContext db, int teamId, DateOnly today, DateTime now, Func<DateOnly, int, int, DateTime> at, CancellationToken cancellationToken)
    {
        var marks = await (from visit in db.Set<PlannedVisit>()
                           join plan in db.Set<MorningPlan>() on visit.PlanId equals plan.Id
                           where plan.TeamId == teamId && plan.Day >= today && visit.RideAlongRequestedByUserId != null && visit.RemovedAt == null && visit.CustomerId != null
                           select new { visit.Id, plan.RepId, plan.Day, visit.CustomerId, visit.StartsAt, visit.RideAlongRequestedByUserId })
            .ToListAsync(cancellationToken);
        foreach (var mark in marks)
        {
            var focus = await db.Set<LadderPosition>().Where(position => position.TeamId == teamId && position.RepId == mark.RepId)
                .OrderBy(position => position.Step).ThenBy(position => position.SkillId).FirstOrDefaultAsync(cancellationToken);
            if (focus is null)
            {
                continue;
            }

            var time = mark.StartsAt ?? PlannedVisitRideAlongs.DefaultTime;
            db.Add(new RideAlong
            {
                TeamId = teamId, ManagerId = mark.RideAlongRequestedByUserId!, RepId = mark.RepId, CustomerId = mark.CustomerId!.Value,
                StartsAt = at(mark.Day, time.Hour, time.Minute), Day = mark.Day, Step = focus.Step, FocusSkillIds = [focus.SkillId],
                Status = RideAlongStatus.Scheduled, CreatedAt = now, PlannedVisitId = mark.Id,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateOnly PreviousWeekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(-1),
        DayOfWeek.Sunday => day.AddDays(-2),
        _ => day,
    };

    private static DateOnly NextWeekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };
}
