using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.Customers;

/// <summary>The rep's work on a held customer: follow-up records (which reset the flow-back clock) and opportunities.</summary>
public sealed class FollowUpLog(IDbContextFactory<AppDbContext> dbFactory, ITeamEventBus eventBus, TimeProvider clock)
{
    public async Task<long> AddFollowUpAsync(Viewer viewer, int customerId, FollowUpInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await CustomerPool.LoadForWorkAsync(db, viewer, customerId, requireOwner: true, cancellationToken);
        ValidationFailedException.ThrowIfAny(CustomerRules.Validate(input, now));

        var occurredAt = DateTime.SpecifyKind(input.OccurredAt, DateTimeKind.Utc);
        var followUp = new FollowUp
        {
            CustomerId = customerId,
            TeamId = customer.TeamId,
            AuthorId = viewer.UserId,
            OccurredAt = occurredAt,
            Kind = input.Kind,
            Content = input.Content.Trim(),
            Outcome = CustomerRules.Clean(input.Outcome),
            NextStep = CustomerRules.Clean(input.NextStep),
            NextFollowUpOn = input.NextFollowUpOn,
            CreatedAt = now,
        };
        db.Add(followUp);

        // A back-dated record does not replace a newer one's plan, and never moves a clock backwards.
        if (customer.LastFollowUpAt is null || occurredAt >= customer.LastFollowUpAt)
        {
            customer.LastFollowUpAt = occurredAt;
            customer.NextFollowUpOn = input.NextFollowUpOn;
        }

        if (customer.HoldClockAt is null || occurredAt > customer.HoldClockAt)
        {
            customer.HoldClockAt = occurredAt;
        }

        var settings = await CustomerData.SettingsAsync(db, customer.TeamId, cancellationToken);
        new FlowBackPolicy(settings, await TeamData.TimeZoneAsync(db, customer.TeamId, cancellationToken), clock).Apply(customer);
        await SaveAsync(db, cancellationToken);
        await PublishAsync(customer.TeamId, customerId, viewer, cancellationToken);
        return followUp.Id;
    }

    /// <summary>An opportunity needs a valid lead; the customer becomes an opportunity.</summary>
    public async Task<int> AddOpportunityAsync(Viewer viewer, int customerId, OpportunityInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await CustomerPool.LoadForWorkAsync(db, viewer, customerId, requireOwner: true, cancellationToken);
        ValidationFailedException.ThrowIfAny(CustomerRules.Validate(input));
        if (customer.Status is CustomerStatus.Lead)
        {
            throw new PoolRuleException("Opportunity_NeedsValidLead");
        }

        if (customer.Status is CustomerStatus.Won or CustomerStatus.Lost || input.Stage >= OpportunityStage.Won)
        {
            throw new ValidationFailedException([new FieldError(nameof(OpportunityInput.Stage), "Opportunity_OpenStageOnly")]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var opportunity = new Opportunity
        {
            CustomerId = customerId,
            TeamId = customer.TeamId,
            Title = input.Title.Trim(),
            AmountCents = (long)(input.Amount * 100),
            Stage = input.Stage,
            ExpectedCloseOn = input.ExpectedCloseOn,
            StageChangedAt = now,
            CreatedAt = now,
        };
        db.Add(opportunity);
        if (customer.Status != CustomerStatus.Opportunity)
        {
            customer.Status = CustomerStatus.Opportunity;
            db.Add(new CustomerEvent { CustomerId = customerId, TeamId = customer.TeamId, OccurredAt = now, Kind = CustomerEventKind.StatusChanged, ActorId = viewer.UserId, Detail = nameof(CustomerStatus.Opportunity) });
        }

        customer.ProgressClockAt = now;
        var settings = await CustomerData.SettingsAsync(db, customer.TeamId, cancellationToken);
        new FlowBackPolicy(settings, await TeamData.TimeZoneAsync(db, customer.TeamId, cancellationToken), clock).Apply(customer);
        db.Add(new CustomerEvent { CustomerId = customerId, TeamId = customer.TeamId, OccurredAt = now, Kind = CustomerEventKind.OpportunityAdded, ActorId = viewer.UserId, Detail = opportunity.Title });
        await SaveAsync(db, cancellationToken);
        await PublishAsync(customer.TeamId, customerId, viewer, cancellationToken);
        return opportunity.Id;
    }

    /// <summary>Edits an open opportunity; a stage change restarts the customer's progress clock and is in the history.</summary>
    public async Task UpdateOpportunityAsync(Viewer viewer, int opportunityId, OpportunityInput input, Guid version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var opportunity = await db.Set<Opportunity>().SingleOrDefaultAsync(candidate => candidate.Id == opportunityId, cancellationToken)
            ?? throw new TeamAccessDeniedException(0);
        var customer = await CustomerPool.LoadForWorkAsync(db, viewer, opportunity.CustomerId, requireOwner: true, cancellationToken);
        ValidationFailedException.ThrowIfAny(CustomerRules.Validate(input));
        if (!opportunity.IsOpen || input.Stage >= OpportunityStage.Won)
        {
            throw new ValidationFailedException([new FieldError(nameof(OpportunityInput.Stage), "Opportunity_OpenStageOnly")]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Entry(opportunity).Property(candidate => candidate.Version).OriginalValue = version;
        if (opportunity.Stage != input.Stage)
        {
            db.Add(new CustomerEvent
            {
                CustomerId = customer.Id, TeamId = customer.TeamId, OccurredAt = now, Kind = CustomerEventKind.OpportunityStageChanged,
                ActorId = viewer.UserId, Detail = new OpportunityStageChange(input.Title.Trim(), opportunity.Stage, input.Stage).ToDetail(),
            });
            opportunity.Stage = input.Stage;
            opportunity.StageChangedAt = now;
            customer.ProgressClockAt = now;
            var settings = await CustomerData.SettingsAsync(db, customer.TeamId, cancellationToken);
            new FlowBackPolicy(settings, await TeamData.TimeZoneAsync(db, customer.TeamId, cancellationToken), clock).Apply(customer);
        }

        opportunity.Title = input.Title.Trim();
        opportunity.AmountCents = (long)(input.Amount * 100);
        opportunity.ExpectedCloseOn = input.ExpectedCloseOn;
        await SaveAsync(db, cancellationToken);
        await PublishAsync(customer.TeamId, customer.Id, viewer, cancellationToken);
    }

    private static async Task SaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrentEditException();
        }
    }

    private Task PublishAsync(int teamId, int customerId, Viewer viewer, CancellationToken cancellationToken) =>
        eventBus.PublishAsync(new TeamEvent(teamId, CustomerTopics.Record, customerId.ToString(System.Globalization.CultureInfo.InvariantCulture), viewer.UserId), cancellationToken);
}
