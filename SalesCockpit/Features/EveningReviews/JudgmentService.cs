using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.EveningReviews;

public sealed record RecentFollowUp(DateTime At, FollowUpKind Kind, string AuthorName, string Content, string? Outcome);

/// <summary>What the records already say about the checklist's points, shown beside them so the manager judges from facts.</summary>
public sealed record RecordFacts(
    bool DecisionMakerMarked, int? DaysSinceLastFollowUp, int DaysInStage, DateOnly? ExpectedCloseOn, bool ExpectedClosePassed,
    bool BudgetOrPriceRecorded, IReadOnlyList<RecentFollowUp> Recent);

public sealed record JudgmentView(
    int Id, JudgmentAnswer PurchasingSeason, string? PurchasingSeasonNote, JudgmentAnswer DecisionMakerFound, string? DecisionMakerNote,
    JudgmentAnswer CanAfford, string? CanAffordNote, JudgmentAnswer FeatureDoubts, string? FeatureDoubtsNote, string? OtherCauses,
    string NextAction, DateOnly NextActionOn, string ManagerName, DateTime UpdatedAt, NextActionState State, Guid Version)
{
    public JudgmentInput ToInput() => new(
        PurchasingSeason, PurchasingSeasonNote, DecisionMakerFound, DecisionMakerNote, CanAfford, CanAffordNote, FeatureDoubts, FeatureDoubtsNote,
        OtherCauses, NextAction, NextActionOn, Version);
}

public sealed record JudgmentSheet(
    int TeamId, int OpportunityId, int CustomerId, string CustomerName, string Title, decimal Amount, OpportunityStage Stage,
    string? RepName, DateOnly Today, string TimeZoneId, RecordFacts Facts, JudgmentView? Judgment, string CurrencyCode);

/// <summary>A stalled opportunity's latest judgment, for the stalled list.</summary>
public sealed record JudgmentStatus(string NextAction, DateOnly NextActionOn, NextActionState State);

/// <summary>The manager's judgment on stalled deals (帮销售做出判断): the facts, the checklist, the next action and whether it was done.</summary>
public sealed class JudgmentService(IDbContextFactory<AppDbContext> dbFactory, ITeamEventBus eventBus, TimeProvider clock)
{
    public const int RecentFollowUps = 5;

    private static readonly string[] BudgetWords = ["budget", "price", "pricing", "quote", "cost", "预算", "价格", "报价", "费用", "价钱", "折扣"];

    /// <summary>Whether a follow-up's text speaks of budget or price.</summary>
    public static bool MentionsBudgetOrPrice(string? text) =>
        text is not null && BudgetWords.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));

    public async Task<JudgmentSheet> GetAsync(Viewer viewer, int opportunityId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (opportunity, customer) = await LoadAsync(db, viewer, opportunityId, cancellationToken);
        var (timeZoneId, currencyCode) = await TeamData.ZoneAndCurrencyAsync(db, opportunity.TeamId, cancellationToken);
        var today = TeamCalendar.Today(clock, timeZoneId);
        var followUps = await db.Set<FollowUp>().AsNoTracking().Where(followUp => followUp.CustomerId == customer.Id)
            .OrderByDescending(followUp => followUp.OccurredAt)
            .Select(followUp => new { followUp.OccurredAt, followUp.Kind, followUp.AuthorId, followUp.Content, followUp.Outcome, followUp.NextStep })
            .ToListAsync(cancellationToken);
        var judgment = await LatestAsync(db, opportunityId, cancellationToken);
        var names = await TeamData.NamesAsync(db, followUps.Take(RecentFollowUps).Select(followUp => followUp.AuthorId).Append(customer.OwnerId).Append(judgment?.ManagerId), cancellationToken);
        var facts = new RecordFacts(
            await db.Set<Contact>().AnyAsync(contact => contact.CustomerId == customer.Id && contact.IsDecisionMaker, cancellationToken),
            customer.LastFollowUpAt is { } last ? today.DayNumber - TeamCalendar.DateOf(last, timeZoneId).DayNumber : null,
            today.DayNumber - TeamCalendar.DateOf(opportunity.StageChangedAt, timeZoneId).DayNumber,
            opportunity.ExpectedCloseOn,
            opportunity.ExpectedCloseOn is { } close && close < today,
            followUps.Any(followUp => MentionsBudgetOrPrice(followUp.Content) || MentionsBudgetOrPrice(followUp.Outcome) || MentionsBudgetOrPrice(followUp.NextStep)),
            [.. followUps.Take(RecentFollowUps).Select(followUp => new RecentFollowUp(followUp.OccurredAt, followUp.Kind, names.GetValueOrDefault(followUp.AuthorId, "?"), followUp.Content, followUp.Outcome))]);
        var view = judgment is null ? null : await ToViewAsync(db, judgment, names, today, cancellationToken);
        return new JudgmentSheet(
            opportunity.TeamId, opportunity.Id, customer.Id, customer.Name, opportunity.Title, opportunity.AmountCents / 100m, opportunity.Stage,
            customer.OwnerId is null ? null : names.GetValueOrDefault(customer.OwnerId), today, timeZoneId, facts, view, currencyCode);
    }

    /// <summary>
    /// Records the manager's judgment (the opportunity's latest, updated in place, optimistic on its version) and puts its
    /// next action on the customer's timeline. The action is for the rep who holds the customer.
    /// </summary>
    public async Task SaveAsync(Viewer viewer, int opportunityId, JudgmentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (opportunity, customer) = await LoadAsync(db, viewer, opportunityId, cancellationToken);
        var timeZoneId = await TeamData.TimeZoneAsync(db, opportunity.TeamId, cancellationToken);
        var today = TeamCalendar.Today(clock, timeZoneId);
        var errors = ReviewRules.Validate(input, today);
        if (customer.OwnerId is null)
        {
            errors.Add(new FieldError(nameof(JudgmentInput.NextAction), "Validation_NoRepHoldsCustomer"));
        }

        ValidationFailedException.ThrowIfAny(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var judgment = await db.Set<DealJudgment>().Where(candidate => candidate.OpportunityId == opportunityId)
            .OrderByDescending(candidate => candidate.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        if (judgment is null)
        {
            if (input.Version != Guid.Empty)
            {
                throw new ConcurrentEditException();
            }

            judgment = new DealJudgment
            {
                TeamId = opportunity.TeamId, OpportunityId = opportunityId, CustomerId = customer.Id, RepId = customer.OwnerId!, ManagerId = viewer.UserId,
                NextAction = "", CreatedAt = now,
            };
            db.Add(judgment);
        }
        else
        {
            db.Entry(judgment).Property(candidate => candidate.Version).OriginalValue = input.Version;
        }

        var action = input.NextAction!.Trim();
        var actionChanged = judgment.NextAction != action || judgment.NextActionOn != input.NextActionOn!.Value;
        (judgment.RepId, judgment.ManagerId, judgment.UpdatedAt) = (customer.OwnerId!, viewer.UserId, now);
        (judgment.PurchasingSeason, judgment.PurchasingSeasonNote) = (input.PurchasingSeason, ReviewRules.Clean(input.PurchasingSeasonNote));
        (judgment.DecisionMakerFound, judgment.DecisionMakerNote) = (input.DecisionMakerFound, ReviewRules.Clean(input.DecisionMakerNote));
        (judgment.CanAfford, judgment.CanAffordNote) = (input.CanAfford, ReviewRules.Clean(input.CanAffordNote));
        (judgment.FeatureDoubts, judgment.FeatureDoubtsNote) = (input.FeatureDoubts, ReviewRules.Clean(input.FeatureDoubtsNote));
        judgment.OtherCauses = ReviewRules.Clean(input.OtherCauses);
        (judgment.NextAction, judgment.NextActionOn) = (action, input.NextActionOn!.Value);
        if (actionChanged)
        {
            db.Add(new CustomerEvent
            {
                CustomerId = customer.Id, TeamId = customer.TeamId, OccurredAt = now, Kind = CustomerEventKind.NextActionSet, ActorId = viewer.UserId,
                ToOwnerId = customer.OwnerId,
                Detail = $"{action} ({judgment.NextActionOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})",
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrentEditException();
        }

        await transaction.CommitAsync(cancellationToken);
        await eventBus.PublishAsync(new TeamEvent(opportunity.TeamId, EveningReviewTopics.Judgments, opportunityId.ToString(CultureInfo.InvariantCulture), viewer.UserId), cancellationToken);
        await eventBus.PublishAsync(new TeamEvent(opportunity.TeamId, CustomerTopics.Record, customer.Id.ToString(CultureInfo.InvariantCulture), viewer.UserId), cancellationToken);
    }

    /// <summary>The latest judgment of each judged opportunity of the team, for the stalled list.</summary>
    public async Task<IReadOnlyDictionary<int, JudgmentStatus>> StatusesAsync(Viewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeamWide(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var timeZoneId = await TeamData.TimeZoneAsync(db, teamId, cancellationToken);
        var today = TeamCalendar.Today(clock, timeZoneId);
        var judgments = await db.Set<DealJudgment>().AsNoTracking().Where(judgment => judgment.TeamId == teamId).ToListAsync(cancellationToken);
        var latest = judgments.GroupBy(judgment => judgment.OpportunityId).Select(group => group.MaxBy(judgment => judgment.UpdatedAt)!).ToList();
        var done = await DoneSinceAsync(db, latest, cancellationToken);
        return latest.ToDictionary(
            judgment => judgment.OpportunityId,
            judgment => new JudgmentStatus(judgment.NextAction, judgment.NextActionOn, ReviewRules.ActionState(judgment.UpdatedAt, judgment.NextActionOn, done.GetValueOrDefault(judgment.Id), today)));
    }

    /// <summary>The rep's open next actions (not done yet) due by <paramref name="day"/>, for plan suggestions.</summary>
    public async Task<IReadOnlyList<(DealJudgment Judgment, string CustomerName)>> OpenActionsForAsync(Viewer rep, int teamId, DateOnly day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rep);
        rep.EnsureRepOf(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await (from judgment in db.Set<DealJudgment>().AsNoTracking()
                          join customer in db.Set<Customer>() on judgment.CustomerId equals customer.Id
                          where judgment.TeamId == teamId && judgment.RepId == rep.UserId && customer.OwnerId == rep.UserId && judgment.NextActionOn <= day
                          select new { Judgment = judgment, customer.Name })
            .ToListAsync(cancellationToken);
        var done = await DoneSinceAsync(db, [.. open.Select(row => row.Judgment)], cancellationToken);
        return [.. open.Where(row => !done.ContainsKey(row.Judgment.Id)).Select(row => (row.Judgment, row.Name))];
    }

    /// <summary>For each judgment whose rep has recorded a follow-up with the customer since it was made: that follow-up's time.</summary>
    private static async Task<Dictionary<int, DateTime?>> DoneSinceAsync(AppDbContext db, List<DealJudgment> judgments, CancellationToken cancellationToken)
    {
        if (judgments.Count == 0)
        {
            return [];
        }

        var customerIds = judgments.Select(judgment => judgment.CustomerId).Distinct().ToList();
        var since = judgments.Min(judgment => judgment.UpdatedAt);
        var followUps = await db.Set<FollowUp>().AsNoTracking()
            .Where(followUp => customerIds.Contains(followUp.CustomerId) && followUp.OccurredAt >= since)
            .Select(followUp => new { followUp.CustomerId, followUp.AuthorId, followUp.OccurredAt })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<int, DateTime?>();
        foreach (var judgment in judgments)
        {
            var last = followUps.Where(followUp => followUp.CustomerId == judgment.CustomerId && followUp.AuthorId == judgment.RepId && followUp.OccurredAt >= judgment.UpdatedAt)
                .Select(followUp => (DateTime?)followUp.OccurredAt).Max();
            if (last is not null)
            {
                result[judgment.Id] = last;
            }
        }

        return result;
    }

    private static async Task<(Opportunity Opportunity, Customer Customer)> LoadAsync(AppDbContext db, Viewer viewer, int opportunityId, CancellationToken cancellationToken)
    {
        var opportunity = await db.Set<Opportunity>().AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == opportunityId, cancellationToken)
            ?? throw new TeamAccessDeniedException(0);
        // Judgments are the manager's.
        viewer.EnsureCanManageTeam(opportunity.TeamId);
        var customer = await db.Set<Customer>().AsNoTracking().SingleAsync(candidate => candidate.Id == opportunity.CustomerId, cancellationToken);
        return (opportunity, customer);
    }

    private static Task<DealJudgment?> LatestAsync(AppDbContext db, int opportunityId, CancellationToken cancellationToken) =>
        db.Set<DealJudgment>().AsNoTracking().Where(judgment => judgment.OpportunityId == opportunityId)
            .OrderByDescending(judgment => judgment.UpdatedAt).FirstOrDefaultAsync(cancellationToken);

    private static async Task<JudgmentView> ToViewAsync(AppDbContext db, DealJudgment judgment, Dictionary<string, string> names, DateOnly today, CancellationToken cancellationToken)
    {
        var done = await DoneSinceAsync(db, [judgment], cancellationToken);
        return new JudgmentView(
            judgment.Id, judgment.PurchasingSeason, judgment.PurchasingSeasonNote, judgment.DecisionMakerFound, judgment.DecisionMakerNote,
            judgment.CanAfford, judgment.CanAffordNote, judgment.FeatureDoubts, judgment.FeatureDoubtsNote, judgment.OtherCauses,
            judgment.NextAction, judgment.NextActionOn, names.GetValueOrDefault(judgment.ManagerId, "?"), judgment.UpdatedAt,
            ReviewRules.ActionState(judgment.UpdatedAt, judgment.NextActionOn, done.GetValueOrDefault(judgment.Id), today), judgment.Version);
    }
}
