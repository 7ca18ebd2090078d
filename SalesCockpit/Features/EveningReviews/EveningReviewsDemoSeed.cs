using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.EveningReviews;

/// <summary>
/// Reviews of the past plans (each locks its plan), with reasons for the visits that did not happen, a highlight, comments
/// and help requests; and the manager's judgments on a few stalled opportunities. Today nobody has reviewed yet.
/// </summary>
internal sealed class EveningReviewsDemoSeed(TimeProvider clock) : IDemoSeedStep
{
    private static readonly string[] Wins =
    [
        "客户同意下周安排现场演示 The customer agreed to an on-site demo next week",
        "拿到了预算范围，比预期高 Got the budget range, higher than expected",
        "新加了一条转介绍线索 A new referral lead",
        "报价顺利送到总经理手里 The quote reached the GM",
    ];

    private static readonly string[] Problems =
    [
        "对方采购负责人临时出差 The buyer was away on short notice",
        "客户对库存模块的功能有疑虑 Doubts about the inventory module",
        "电话一直没人接 Nobody picked up the phone",
        "竞争对手报价更低 A competitor quoted lower",
    ];

    private static readonly string[] Lessons =
    [
        "先问清楚谁拍板，再谈价格 Ask who decides before talking price",
        "演示前先看客户的真实数据，效果好很多 Demo with the customer's own data: much stronger",
        "下午四点后打电话接通率最高 Calls after 4 pm get through most",
        "采购季前一个月就要进场 Be in a month before the purchasing season",
        "把试用目标写下来，客户更容易做决定 Write the trial goals down: customers decide faster",
    ];

    private static readonly string[] Reasons =
    [
        "客户改期到下周 The customer moved it to next week",
        "前一个拜访超时 The previous visit ran late",
        "对方临时开会 They had a meeting come up",
    ];

    private static readonly string[] Help =
    [
        "需要经理一起见总经理 Need you with me to meet the GM",
        "能否申请特殊折扣？ Can we ask for a special discount?",
    ];

    private static readonly string[] Comments =
    [
        "这条经验很好，明天晨会再讲一次 Great lesson: share it again at tomorrow's stand-up",
        "学到了 👍 Learned something",
        "下次带上案例 Bring a case study next time",
    ];

    public int Order => 50;

    public async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var random = new Random(20261128);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var team in await db.Set<Team>().OrderBy(team => team.Id).ToListAsync(cancellationToken))
        {
            var today = TeamCalendar.DateOf(now, team.TimeZoneId);
            var members = await db.Set<TeamMembership>().Where(membership => membership.TeamId == team.Id).Select(membership => membership.UserId).ToListAsync(cancellationToken);
            var manager = await (from userRole in db.UserRoles
                                 join role in db.Roles on userRole.RoleId equals role.Id
                                 where members.Contains(userRole.UserId) && role.Name == Roles.Manager
                                 select userRole.UserId).FirstOrDefaultAsync(cancellationToken);
            if (manager is null)
            {
                continue;
            }

            var plans = await db.Set<MorningPlan>().Include(plan => plan.Visits)
                .Where(plan => plan.TeamId == team.Id && plan.Day < today && plan.SubmittedAt != null)
                .OrderBy(plan => plan.Day).ThenBy(plan => plan.RepId)
                .ToListAsync(cancellationToken);
            var from = TeamCalendar.StartOfDayUtc(today.AddDays(-10), team.TimeZoneId);
            var contacts = (await db.Set<FollowUp>().AsNoTracking().Where(followUp => followUp.TeamId == team.Id && followUp.OccurredAt >= from)
                    .Select(followUp => new { followUp.AuthorId, followUp.OccurredAt, followUp.CustomerId, followUp.Kind }).ToListAsync(cancellationToken))
                .ToLookup(followUp => (followUp.AuthorId, TeamCalendar.DateOf(followUp.OccurredAt, team.TimeZoneId)), followUp => new DayContact(followUp.CustomerId, "", followUp.Kind));
            var highlighted = new HashSet<DateOnly>();
            foreach (var plan in plans)
            {
                if (random.Next(0, 8) == 0)
                {
                    continue; // a day the rep forgot to review
                }

                var submittedAt = TeamCalendar.StartOfDayUtc(plan.Day, team.TimeZoneId).AddHours(random.Next(0, 6) == 0 ? 19 : 17).AddMinutes(random.Next(5, 55));
                var items = plan.Visits.Where(visit => visit.RemovedAt is null)
                    .Select(visit => new PlannedItem(visit.Id, visit.Kind, visit.CustomerId, visit.CustomerName, visit.Purpose)).ToList();
                var facts = PlanVsActual.Compute(items, null, [.. contacts[(plan.RepId, plan.Day)]], 0);
                var review = new EveningReview
                {
                    TeamId = team.Id,
                    RepId = plan.RepId,
                    Day = plan.Day,
                    Wins = Pick(random, Wins),
                    Problems = random.Next(0, 3) == 0 ? null : Pick(random, Problems),
                    Lesson = Pick(random, Lessons),
                    HelpNeeded = random.Next(0, 5) == 0 ? Pick(random, Help) : null,
                    SubmittedAt = submittedAt,
                };
                review.MissedReasons.AddRange(facts.Missed.Select(item => new MissedVisitReason { PlannedVisitId = item.Item.Id, Reason = Pick(random, Reasons) }));
                if (review.HelpNeeded is not null && random.Next(0, 2) == 0)
                {
                    (review.HelpHandledAt, review.HelpHandledById) = (submittedAt.AddMinutes(40), manager);
                }

                if (highlighted.Add(plan.Day))
                {
                    (review.HighlightedAt, review.HighlightedById) = (submittedAt.AddMinutes(30), manager);
                }

                plan.LockedAt = submittedAt;
                db.Add(review);
                await db.SaveChangesAsync(cancellationToken);
                if (random.Next(0, 3) == 0)
                {
                    db.Add(new ReviewComment { ReviewId = review.Id, TeamId = team.Id, AuthorId = manager, Text = Pick(random, Comments), CreatedAt = submittedAt.AddMinutes(20) });
                    db.Add(new ReviewReaction { ReviewId = review.Id, UserId = manager, CreatedAt = submittedAt.AddMinutes(21) });
                }
            }

            await SeedJudgmentsAsync(db, team, manager, today, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>Judgments on the team's oldest stuck opportunities: one action due today, one later, one already done.</summary>
    private static async Task SeedJudgmentsAsync(AppDbContext db, Team team, string manager, DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        var stuck = await (from opportunity in db.Set<Opportunity>()
                           join customer in db.Set<Customer>() on opportunity.CustomerId equals customer.Id
                           where opportunity.TeamId == team.Id && opportunity.Stage < OpportunityStage.Won && customer.OwnerId != null && opportunity.StageChangedAt < now.AddDays(-10)
                           orderby opportunity.StageChangedAt
                           select new { opportunity.Id, CustomerId = customer.Id, customer.OwnerId })
            .Take(3)
            .ToListAsync(cancellationToken);
        string[] actions =
        [
            "约总经理本人面谈，确认预算 Meet the GM in person and confirm the budget",
            "带上同行案例再演示一次库存模块 Demo the inventory module again with a peer's case",
            "问清楚明年采购季的时间 Find out when next year's purchasing season starts",
        ];
        for (var i = 0; i < stuck.Count; i++)
        {
            var judgedAt = now.AddDays(-(i + 1)).AddHours(-2);
            var actionOn = i == 0 ? today : today.AddDays(i);
            db.Add(new DealJudgment
            {
                TeamId = team.Id,
                OpportunityId = stuck[i].Id,
                CustomerId = stuck[i].CustomerId,
                RepId = stuck[i].OwnerId!,
                ManagerId = manager,
                PurchasingSeason = i == 2 ? JudgmentAnswer.No : JudgmentAnswer.Yes,
                PurchasingSeasonNote = i == 2 ? "今年预算已用完 This year's budget is spent" : null,
                DecisionMakerFound = i == 0 ? JudgmentAnswer.No : JudgmentAnswer.Yes,
                DecisionMakerNote = i == 0 ? "一直在和IT经理谈 Only talking to the IT manager" : null,
                CanAfford = JudgmentAnswer.Unknown,
                FeatureDoubts = i == 1 ? JudgmentAnswer.Yes : JudgmentAnswer.Unknown,
                FeatureDoubtsNote = i == 1 ? "担心库存模块和现有ERP对接 Worried about the ERP link" : null,
                NextAction = actions[i],
                NextActionOn = actionOn,
                CreatedAt = judgedAt,
                UpdatedAt = judgedAt,
            });
            db.Add(new CustomerEvent
            {
                CustomerId = stuck[i].CustomerId,
                TeamId = team.Id,
                OccurredAt = judgedAt,
                Kind = CustomerEventKind.NextActionSet,
                ActorId = manager,
                ToOwnerId = stuck[i].OwnerId,
                Detail = $"{actions[i]} ({actionOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})",
            });
        }
    }

    private static string Pick(Random random, string[] texts) => texts[random.Next(texts.Length)];
}
