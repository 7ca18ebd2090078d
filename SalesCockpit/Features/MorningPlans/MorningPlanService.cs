using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.MorningPlans;

/// <summary>The rep's side of the morning: their plan for a day, its submission and edits, and its lock by the evening review.</summary>
public sealed class MorningPlanService(IDbContextFactory<AppDbContext> dbFactory, ITeamEventBus eventBus, TimeProvider clock)
{
    /// <summary>The viewer's own plan for the day, or null when they have not started one.</summary>
    public async Task<PlanView?> GetMineAsync(Viewer viewer, int teamId, DateOnly day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureRepOf(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = TeamCalendar.Today(clock, await TeamData.TimeZoneAsync(db, teamId, cancellationToken));
        var plan = await db.Set<MorningPlan>().AsNoTracking().Include(candidate => candidate.Visits)
            .SingleOrDefaultAsync(candidate => candidate.TeamId == teamId && candidate.RepId == viewer.UserId && candidate.Day == day, cancellationToken);
        return plan is null ? null : (await PlanData.ToViewsAsync(db, [plan], today, cancellationToken))[0];
    }

    /// <summary>A plan by id, for its rep or the team's managers.</summary>
    public async Task<PlanView> GetAsync(Viewer viewer, int planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Set<MorningPlan>().AsNoTracking().Include(candidate => candidate.Visits)
            .SingleOrDefaultAsync(candidate => candidate.Id == planId, cancellationToken)
            ?? throw new TeamAccessDeniedException(0);
        PlanData.EnsureCanSee(viewer, plan.TeamId, plan.RepId);
        var today = TeamCalendar.Today(clock, await TeamData.TimeZoneAsync(db, plan.TeamId, cancellationToken));
        return (await PlanData.ToViewsAsync(db, [plan], today, cancellationToken))[0];
    }

    /// <summary>
    /// Creates or updates the viewer's plan for the day and, with <paramref name="submit"/>, submits it. After submission a
    /// save that changes something is an edit after submission: it is stamped, a removed visit is kept as removed, and the
    /// numbers as submitted are kept beside the current ones.
    /// </summary>
    public async Task<PlanView> SaveAsync(Viewer viewer, int teamId, DateOnly day, PlanInput input, bool submit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        viewer.EnsureRepOf(teamId);
        var now = clock.GetUtcNow().UtcDateTime;
        HashSet<int> ids = [];
        input = input with { Visits = [.. input.Visits.Select(row => row.Id is { } id && !ids.Add(id) ? row with { Id = null } : row)] }; // an id twice: the second is a new row
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = TeamCalendar.Today(clock, await TeamData.TimeZoneAsync(db, teamId, cancellationToken));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await db.Set<MorningPlan>().Include(candidate => candidate.Visits)
            .SingleOrDefaultAsync(candidate => candidate.TeamId == teamId && candidate.RepId == viewer.UserId && candidate.Day == day, cancellationToken);
        PlanRules.EnsureEditable(day, today, plan?.LockedAt);
        ValidationFailedException.ThrowIfAny(PlanRules.Validate(input, submitted: submit || plan?.SubmittedAt is not null));

        if (plan is null)
        {
            if (input.Version != Guid.Empty)
            {
                throw new ConcurrentEditException();
            }

            plan = new MorningPlan { TeamId = teamId, RepId = viewer.UserId, Day = day, CreatedAt = now };
            db.Add(plan);
        }
        else
        {
            db.Entry(plan).Property(candidate => candidate.Version).OriginalValue = input.Version;
        }

        var customerNames = await NewCustomersAsync(db, plan, input, cancellationToken);
        var changed = Apply(plan, input, customerNames, now);
        // The plan's version guards its visits too: every save checks and renews it, even when only visits changed.
        db.Entry(plan).Property(candidate => candidate.Version).IsModified = true;
        if (submit && plan.SubmittedAt is null)
        {
            plan.SubmittedAt = now;
            (plan.SubmittedVisits, plan.SubmittedCalls, plan.SubmittedNewValidLeads) = (plan.CommittedVisits, plan.CommittedCalls, plan.CommittedNewValidLeads);
        }
        else if (changed && plan.SubmittedAt is not null)
        {
            plan.EditedAfterSubmitAt = now;
        }

        await SaveAsync(db, cancellationToken, creating: input.Version == Guid.Empty);
        await transaction.CommitAsync(cancellationToken);
        await PublishAsync(teamId, plan.Id, viewer.UserId, cancellationToken);
        return (await PlanData.ToViewsAsync(db, [plan], today, cancellationToken))[0];
    }

    /// <summary>
    /// Freezes a rep's plan for a day; the evening review calls this when the rep submits the day's review. Idempotent.
    /// The rep themself or a manager of the team may lock. Returns false when the rep made no plan that day.
    /// </summary>
    public async Task<bool> LockAsync(Viewer viewer, int teamId, string repId, DateOnly day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeam(teamId);
        if (!(viewer.UserId == repId && viewer.IsMemberOf(teamId)) && !viewer.CanManageTeam(teamId))
        {
            throw new TeamAccessDeniedException(teamId);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Set<MorningPlan>().SingleOrDefaultAsync(candidate => candidate.TeamId == teamId && candidate.RepId == repId && candidate.Day == day, cancellationToken);
        if (plan is null)
        {
            return false;
        }

        if (plan.LockedAt is null)
        {
            plan.LockedAt = clock.GetUtcNow().UtcDateTime;
            await SaveAsync(db, cancellationToken);
            await PublishAsync(teamId, plan.Id, viewer.UserId, cancellationToken);
        }

        return true;
    }

    /// <summary>Whether the viewer's plan for today is in, for the in-app reminder and notices.</summary>
    public async Task<MyPlanStatus> MyStatusAsync(Viewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureRepOf(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await PlanData.SettingsAsync(db, teamId, cancellationToken);
        var deadline = new PlanDeadline(settings.PlanDueAt, await TeamData.TimeZoneAsync(db, teamId, cancellationToken), clock);
        var today = deadline.Today;
        var plan = await db.Set<MorningPlan>()
            .Where(candidate => candidate.TeamId == teamId && candidate.RepId == viewer.UserId && candidate.Day == today)
            .Select(candidate => new { candidate.Id, candidate.SubmittedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return new MyPlanStatus(plan?.Id, settings.PlanDueAt, deadline.StateOf(today, plan?.SubmittedAt), deadline.NextChangeUtc(today));
    }

    /// <summary>Checks the customers the input newly puts on a row: they must be in the rep's private pool. Returns their names.</summary>
    private static async Task<Dictionary<int, string>> NewCustomersAsync(AppDbContext db, MorningPlan plan, PlanInput input, CancellationToken cancellationToken)
    {
        var saved = plan.Visits.Where(visit => visit.RemovedAt is null).ToDictionary(visit => visit.Id);
        bool IsNew(PlannedVisitInput row) =>
            row.CustomerId is { } customerId && !(row.Id is { } id && saved.TryGetValue(id, out var before) && before.CustomerId == customerId);

        var wanted = input.Visits.Where(IsNew).Select(row => row.CustomerId!.Value).Distinct().ToList();
        var held = await CustomerFacts.HeldByAsync(db, plan.TeamId, plan.RepId, wanted, cancellationToken);
        ValidationFailedException.ThrowIfAny([.. input.Visits
            .Select((row, index) => (row, index))
            .Where(pair => IsNew(pair.row) && !held.ContainsKey(pair.row.CustomerId!.Value))
            .Select(pair => new FieldError(PlanRules.VisitField(pair.index, "Customer"), "Validation_NotYourCustomer"))]);
        return held;
    }

    /// <summary>Copies the input onto the plan; true when the plan's content changed (not just suggestion bookkeeping or order).</summary>
    private static bool Apply(MorningPlan plan, PlanInput input, Dictionary<int, string> customerNames, DateTime now)
    {
        var changed = false;
        void Set<T>(T current, T value, Action<T> assign)
        {
            if (!EqualityComparer<T>.Default.Equals(current, value))
            {
                assign(value);
                changed = true;
            }
        }

        Set(plan.Goals, PlanRules.Clean(input.Goals), value => plan.Goals = value);
        Set(plan.Stretch, PlanRules.Clean(input.Stretch), value => plan.Stretch = value);
        Set(plan.CommittedVisits, input.CommittedVisits, value => plan.CommittedVisits = value);
        Set(plan.CommittedCalls, input.CommittedCalls, value => plan.CommittedCalls = value);
        Set(plan.CommittedNewValidLeads, input.CommittedNewValidLeads, value => plan.CommittedNewValidLeads = value);
        var handled = plan.HandledSuggestions.Union(input.HandledSuggestions, StringComparer.Ordinal).ToList();
        if (handled.Count != plan.HandledSuggestions.Count)
        {
            plan.HandledSuggestions = handled;
        }

        var saved = plan.Visits.Where(visit => visit.RemovedAt is null).ToDictionary(visit => visit.Id);
        var kept = new HashSet<int>();
        for (var position = 0; position < input.Visits.Count; position++)
        {
            var row = input.Visits[position];
            var name = row.CustomerId is { } customerId ? customerNames.GetValueOrDefault(customerId) : row.ProspectName!.Trim();
            if (row.Id is { } id && saved.TryGetValue(id, out var visit) && kept.Add(id))
            {
                var before = (visit.Kind, visit.CustomerId, visit.CustomerName, visit.Purpose, visit.StartsAt, visit.EndsAt, visit.ExpectedResult);
                visit.Kind = row.Kind;
                visit.CustomerName = row.CustomerId == visit.CustomerId && name is null ? visit.CustomerName : name!;
                visit.CustomerId = row.CustomerId;
                visit.Purpose = row.Purpose!.Trim();
                visit.StartsAt = row.StartsAt;
                visit.EndsAt = row.EndsAt;
                visit.ExpectedResult = PlanRules.Clean(row.ExpectedResult);
                visit.Position = position;
                if (before != (visit.Kind, visit.CustomerId, visit.CustomerName, visit.Purpose, visit.StartsAt, visit.EndsAt, visit.ExpectedResult))
                {
                    visit.UpdatedAt = now;
                    changed = true;
                }
            }
            else
            {
                plan.Visits.Add(new PlannedVisit
                {
                    Position = position,
                    Kind = row.Kind,
                    CustomerId = row.CustomerId,
                    CustomerName = name!,
                    Purpose = row.Purpose!.Trim(),
                    StartsAt = row.StartsAt,
                    EndsAt = row.EndsAt,
                    ExpectedResult = PlanRules.Clean(row.ExpectedResult),
                    SuggestionKey = row.SuggestionKey,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
                changed = true;
            }
        }

        foreach (var gone in saved.Values.Where(visit => !kept.Contains(visit.Id)))
        {
            // Before submission a removed row is simply gone; after it, the removal itself is part of the record.
            if (plan.SubmittedAt is null)
            {
                plan.Visits.Remove(gone);
            }
            else
            {
                gone.RemovedAt = now;
            }

            changed = true;
        }

        return changed;
    }

    private static async Task SaveAsync(AppDbContext db, CancellationToken cancellationToken, bool creating = false)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrentEditException();
        }
        catch (DbUpdateException) when (creating)
        {
            // Two first saves of the same day's plan raced (e.g. two tabs): the unique index let one through.
            throw new ConcurrentEditException();
        }
    }

    private Task PublishAsync(int teamId, int planId, string actorId, CancellationToken cancellationToken) =>
        eventBus.PublishAsync(new TeamEvent(teamId, MorningPlanTopics.Plan, planId.ToString(CultureInfo.InvariantCulture), actorId), cancellationToken);
}
