using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.Customers;

/// <summary>
/// Writes that decide who holds a customer, and the customer's own record. Every pool move writes a
/// <see cref="CustomerEvent"/> in the same transaction and publishes <see cref="CustomerTopics.Pool"/> after it commits.
/// </summary>
public sealed class CustomerPool(IDbContextFactory<AppDbContext> dbFactory, ITeamEventBus eventBus, TimeProvider clock) : IHeldCustomers
{
    /// <summary>A rep's new customer goes to their private pool unless <paramref name="toPublicPool"/>; a manager's goes to the public pool.</summary>
    public async Task<int> CreateAsync(Viewer viewer, int teamId, CustomerInput input, bool toPublicPool = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(input);
        viewer.EnsureCanSeeTeam(teamId);
        var owned = viewer.IsRep && !toPublicPool;
        if (!viewer.IsRep)
        {
            viewer.EnsureCanManageTeam(teamId);
        }

        ValidationFailedException.ThrowIfAny(CustomerRules.Validate(input));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await CustomerData.SettingsAsync(db, teamId, cancellationToken);
        var timeZoneId = await TeamData.TimeZoneAsync(db, teamId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await EnsureNotDuplicateAsync(db, viewer, teamId, input, null, cancellationToken);
        await EnsureReferrerAsync(db, teamId, input, cancellationToken);
        if (owned)
        {
            var decision = new ClaimPolicy(settings, timeZoneId, clock).DecideCapacity(await CustomerData.HeldCountAsync(db, teamId, viewer.UserId, settings, cancellationToken));
            if (!decision.Allowed)
            {
                throw new PoolRuleException(decision.ReasonKey!, decision.Arguments);
            }
        }

        var customer = new Customer { Name = "", NormalizedName = "", TeamId = teamId, CreatedAt = now, CreatedById = viewer.UserId, Status = CustomerStatus.Lead };
        Apply(customer, input);
        if (owned)
        {
            customer.OwnerId = viewer.UserId;
            customer.OwnerSince = customer.HoldClockAt = customer.ProgressClockAt = now;
            new FlowBackPolicy(settings, timeZoneId, clock).Apply(customer);
        }

        db.Add(customer);
        await SaveUniqueAsync(db, viewer, teamId, input, cancellationToken);
        db.Add(new CustomerEvent { CustomerId = customer.Id, TeamId = teamId, OccurredAt = now, Kind = CustomerEventKind.Created, ActorId = viewer.UserId, ToOwnerId = customer.OwnerId });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await PublishAsync(teamId, CustomerTopics.Pool, customer.Id, viewer, cancellationToken);
        return customer.Id;
    }

    public async Task UpdateAsync(Viewer viewer, int customerId, CustomerInput input, Guid version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await db.Set<Customer>().Include(candidate => candidate.Contacts).SingleOrDefaultAsync(candidate => candidate.Id == customerId, cancellationToken)
            ?? throw new TeamAccessDeniedException(0);
        EnsureCanWork(viewer, customer);
        ValidationFailedException.ThrowIfAny(CustomerRules.Validate(input));
        await EnsureNotDuplicateAsync(db, viewer, customer.TeamId, input, customerId, cancellationToken);
        await EnsureReferrerAsync(db, customer.TeamId, input, cancellationToken, customerId);

        db.Entry(customer).Property(candidate => candidate.Version).OriginalValue = version;
        Apply(customer, input);
        var settings = await CustomerData.SettingsAsync(db, customer.TeamId, cancellationToken);
        new FlowBackPolicy(settings, await TeamData.TimeZoneAsync(db, customer.TeamId, cancellationToken), clock).Apply(customer);
        try
        {
            await SaveUniqueAsync(db, viewer, customer.TeamId, input, cancellationToken, customerId);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrentEditException();
        }

        await PublishAsync(customer.TeamId, CustomerTopics.Record, customerId, viewer, cancellationToken);
    }

    /// <summary>
    /// Takes a customer from the public pool. Atomic: the owner is set by one conditional UPDATE (only if still unowned),
    /// inside the transaction that checked capacity, the daily limit and the cool-down. Of two reps at the same moment, one wins.
    /// </summary>
    public async Task ClaimAsync(Viewer viewer, int customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.Set<Customer>().AsNoTracking().Where(customer => customer.Id == customerId)
            .Select(customer => new { customer.TeamId, customer.OwnerId, customer.Status, customer.Level })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new TeamAccessDeniedException(0);
        viewer.EnsureCanSeeTeam(target.TeamId);
        if (!viewer.IsRep || !viewer.IsMemberOf(target.TeamId))
        {
            throw new PoolRuleException("Claim_RepsOnly");
        }

        var settings = await CustomerData.SettingsAsync(db, target.TeamId, cancellationToken);
        var timeZoneId = await TeamData.TimeZoneAsync(db, target.TeamId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = TeamCalendar.Today(clock, timeZoneId);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await db.Set<Customer>().AsNoTracking().Where(customer => customer.Id == customerId).Select(customer => customer.OwnerId).SingleAsync(cancellationToken);
        if (current is not null)
        {
            throw await AlreadyTakenAsync(db, viewer, current, cancellationToken);
        }

        var startOfToday = TeamCalendar.StartOfDayUtc(today, timeZoneId);
        var claimedToday = await db.Set<CustomerEvent>().CountAsync(
            customerEvent => customerEvent.ActorId == viewer.UserId && customerEvent.Kind == CustomerEventKind.Claimed && customerEvent.OccurredAt >= startOfToday && customerEvent.TeamId == target.TeamId,
            cancellationToken);
        var lastLetGo = await db.Set<CustomerEvent>()
            .Where(customerEvent => customerEvent.FromOwnerId == viewer.UserId && customerEvent.CustomerId == customerId
                && (customerEvent.Kind == CustomerEventKind.Released || customerEvent.Kind == CustomerEventKind.Lost || customerEvent.Kind == CustomerEventKind.FlowedBack))
            .OrderByDescending(customerEvent => customerEvent.OccurredAt).Select(customerEvent => (DateTime?)customerEvent.OccurredAt).FirstOrDefaultAsync(cancellationToken);
        var facts = new ClaimFacts(
            await CustomerData.HeldCountAsync(db, target.TeamId, viewer.UserId, settings, cancellationToken),
            claimedToday,
            lastLetGo is { } letGo ? TeamCalendar.DateOf(letGo, timeZoneId) : null);
        var decision = new ClaimPolicy(settings, timeZoneId, clock).Decide(facts);
        if (!decision.Allowed)
        {
            throw new PoolRuleException(decision.ReasonKey!, decision.Arguments);
        }

        var status = target.Status == CustomerStatus.Lost ? CustomerStatus.Lead : target.Status;
        var flowBackOn = new FlowBackPolicy(settings, timeZoneId, clock).Due(new Customer
        {
            Name = "",
            NormalizedName = "",
            OwnerId = viewer.UserId,
            Status = status,
            Level = target.Level,
            HoldClockAt = now,
            ProgressClockAt = now,
        })?.On;
        var claimed = await db.Set<Customer>()
            .Where(customer => customer.Id == customerId && customer.OwnerId == null)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(customer => customer.OwnerId, viewer.UserId)
                    .SetProperty(customer => customer.OwnerSince, now)
                    .SetProperty(customer => customer.HoldClockAt, now)
                    .SetProperty(customer => customer.ProgressClockAt, now)
                    .SetProperty(customer => customer.FlowBackOn, flowBackOn)
                    .SetProperty(customer => customer.IsLocked, false)
                    .SetProperty(customer => customer.Status, status)
                    .SetProperty(customer => customer.Version, Guid.NewGuid()),
                cancellationToken);
        if (claimed != 1)
        {
            var owner = await db.Set<Customer>().Where(customer => customer.Id == customerId).Select(customer => customer.OwnerId).SingleAsync(cancellationToken);
            throw await AlreadyTakenAsync(db, viewer, owner, cancellationToken);
        }

        db.Add(new CustomerEvent { CustomerId = customerId, TeamId = target.TeamId, OccurredAt = now, Kind = CustomerEventKind.Claimed, ActorId = viewer.UserId, ToOwnerId = viewer.UserId });
        if (status != target.Status)
        {
            db.Add(new CustomerEvent { CustomerId = customerId, TeamId = target.TeamId, OccurredAt = now, Kind = CustomerEventKind.StatusChanged, ActorId = viewer.UserId, Detail = status.ToString(), CreditedRepId = viewer.UserId });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await PublishAsync(target.TeamId, CustomerTopics.Pool, customerId, viewer, cancellationToken);
    }

    /// <summary>The owner gives the customer back to the public pool; they may not claim it again during the cool-down.</summary>
    public Task ReleaseAsync(Viewer viewer, int customerId, string? reason, CancellationToken cancellationToken = default) =>
        LetGoAsync(viewer, customerId, CustomerEventKind.Released, reason, cancellationToken);

    /// <summary>The deal is lost: open opportunities close as lost and the customer returns to the public pool.</summary>
    public Task MarkLostAsync(Viewer viewer, int customerId, string? reason, CancellationToken cancellationToken = default) =>
        LetGoAsync(viewer, customerId, CustomerEventKind.Lost, reason, cancellationToken);

    /// <summary>Won: the customer stays with its owner for good (no flow-back); open opportunities close as won.</summary>
    public async Task MarkWonAsync(Viewer viewer, int customerId, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ValidationFailedException.ThrowIfAny(CustomerRules.ValidateReason(reason));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await LoadForWorkAsync(db, viewer, customerId, requireOwner: true, cancellationToken);
        if (customer.Status == CustomerStatus.Won)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        customer.Status = CustomerStatus.Won;
        customer.FlowBackOn = null;
        await CloseOpportunitiesAsync(db, customerId, OpportunityStage.Won, now, cancellationToken);
        db.Add(new CustomerEvent { CustomerId = customerId, TeamId = customer.TeamId, OccurredAt = now, Kind = CustomerEventKind.Won, ActorId = viewer.UserId, FromOwnerId = customer.OwnerId, ToOwnerId = customer.OwnerId, Reason = CustomerRules.Clean(reason), CreditedRepId = customer.OwnerId });
        await SaveAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await PublishAsync(customer.TeamId, CustomerTopics.Pool, customerId, viewer, cancellationToken);
    }

    /// <summary>A lead becomes a valid lead only when the team's checklist is met; otherwise the missing items are the reason.</summary>
    public async Task PromoteToValidLeadAsync(Viewer viewer, int customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await LoadForWorkAsync(db, viewer, customerId, requireOwner: false, cancellationToken);
        if (customer.Status != CustomerStatus.Lead)
        {
            return;
        }

        var settings = await CustomerData.SettingsAsync(db, customer.TeamId, cancellationToken);
        var hasDecisionMaker = await db.Set<Contact>().AnyAsync(contact => contact.CustomerId == customerId && contact.IsDecisionMaker, cancellationToken);
        var missing = ValidLeadChecklist.Missing(settings.ValidLeadCriteria, customer.MetCriteria, hasDecisionMaker);
        if (missing.Count > 0)
        {
            throw new PoolRuleException("ValidLead_Missing", missing.Count);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        customer.Status = CustomerStatus.ValidLead;
        customer.ProgressClockAt = now;
        new FlowBackPolicy(settings, await TeamData.TimeZoneAsync(db, customer.TeamId, cancellationToken), clock).Apply(customer);
        // A manager may promote a rep's lead; the lead is the rep's work.
        db.Add(new CustomerEvent
        {
            CustomerId = customerId, TeamId = customer.TeamId, OccurredAt = now, Kind = CustomerEventKind.StatusChanged, ActorId = viewer.UserId,
            Detail = nameof(CustomerStatus.ValidLead), CreditedRepId = customer.OwnerId ?? viewer.UserId,
        });
        await SaveAsync(db, cancellationToken);
        await PublishAsync(customer.TeamId, CustomerTopics.Record, customerId, viewer, cancellationToken);
    }

    public async Task SetCriterionAsync(Viewer viewer, int customerId, string criterion, bool met, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await LoadForWorkAsync(db, viewer, customerId, requireOwner: false, cancellationToken);
        var settings = await CustomerData.SettingsAsync(db, customer.TeamId, cancellationToken);
        if (!settings.ValidLeadCriteria.Contains(criterion) || ValidLeadChecklist.IsAutomatic(criterion))
        {
            return;
        }

        customer.MetCriteria = met ? [.. customer.MetCriteria.Append(criterion).Distinct()] : [.. customer.MetCriteria.Where(item => item != criterion)];
        await SaveAsync(db, cancellationToken);
        await PublishAsync(customer.TeamId, CustomerTopics.Record, customerId, viewer, cancellationToken);
    }

    /// <summary>Locks a held customer against flow-back; each rep has only a few locks.</summary>
    public async Task SetLockedAsync(Viewer viewer, int customerId, bool locked, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await LoadForWorkAsync(db, viewer, customerId, requireOwner: true, cancellationToken);
        if (customer.IsLocked == locked)
        {
            return;
        }

        var settings = await CustomerData.SettingsAsync(db, customer.TeamId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (locked)
        {
            var inUse = await db.Set<Customer>().CountAsync(candidate => candidate.TeamId == customer.TeamId && candidate.OwnerId == customer.OwnerId && candidate.IsLocked, cancellationToken);
            if (inUse >= settings.LockLimit)
            {
                throw new PoolRuleException("Lock_LimitReached", settings.LockLimit);
            }
        }

        customer.IsLocked = locked;
        new FlowBackPolicy(settings, await TeamData.TimeZoneAsync(db, customer.TeamId, cancellationToken), clock).Apply(customer);
        db.Add(new CustomerEvent
        {
            CustomerId = customerId, TeamId = customer.TeamId, OccurredAt = clock.GetUtcNow().UtcDateTime,
            Kind = locked ? CustomerEventKind.Locked : CustomerEventKind.Unlocked, ActorId = viewer.UserId,
        });
        await SaveAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await PublishAsync(customer.TeamId, CustomerTopics.Record, customerId, viewer, cancellationToken);
    }

    /// <summary>
    /// A manager moves a rep's customers (all, or the ones given) to another rep of the team or to the public pool, in one
    /// transaction. Each move is conditional on the customer still being the rep's, and each is in the history.
    /// </summary>
    public async Task<int> HandOverAsync(Viewer viewer, int teamId, string fromUserId, IReadOnlyCollection<int>? customerIds, string? toUserId, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanManageTeam(teamId);
        if (toUserId == fromUserId)
        {
            throw new ValidationFailedException([new FieldError("To", "Handover_SamePerson")]);
        }

        ValidationFailedException.ThrowIfAny(CustomerRules.ValidateReason(reason));

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (toUserId is not null && !await TeamData.IsActiveRepAsync(db, teamId, toUserId, cancellationToken))
        {
            throw new ValidationFailedException([new FieldError("To", "Handover_NotARep")]);
        }

        var settings = await CustomerData.SettingsAsync(db, teamId, cancellationToken);
        var timeZoneId = await TeamData.TimeZoneAsync(db, teamId, cancellationToken);
        var policy = new FlowBackPolicy(settings, timeZoneId, clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var note = CustomerRules.Clean(reason);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var query = db.Set<Customer>().Where(customer => customer.TeamId == teamId && customer.OwnerId == fromUserId);
        if (customerIds is not null)
        {
            var ids = customerIds.ToList();
            query = query.Where(customer => ids.Contains(customer.Id));
        }

        var customers = await query.ToListAsync(cancellationToken);
        foreach (var customer in customers)
        {
            customer.OwnerId = toUserId;
            customer.OwnerSince = toUserId is null ? null : now;
            customer.HoldClockAt = customer.ProgressClockAt = toUserId is null ? null : now;
            customer.IsLocked = false;
            policy.Apply(customer);
            db.Add(new CustomerEvent
            {
                CustomerId = customer.Id, TeamId = teamId, OccurredAt = now, Kind = CustomerEventKind.HandedOver,
                ActorId = viewer.UserId, FromOwnerId = fromUserId, ToOwnerId = toUserId, Reason = note,
            });
        }

        await SaveAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (customers.Count > 0)
        {
            await PublishAsync(teamId, CustomerTopics.Pool, null, viewer, cancellationToken);
        }

        return customers.Count;
    }

    /// <summary>How many customers a person holds, per team the viewer manages (asked before deactivating someone).</summary>
    public async Task<IReadOnlyList<(int TeamId, int Count)>> HeldByAsync(Viewer viewer, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.Set<Customer>().Where(customer => customer.OwnerId == userId)
            .GroupBy(customer => customer.TeamId).Select(group => new { TeamId = group.Key, Count = group.Count() })
            .ToListAsync(cancellationToken);
        return [.. counts.Where(row => viewer.CanManageTeam(row.TeamId)).Select(row => (row.TeamId, row.Count))];
    }

    private async Task LetGoAsync(Viewer viewer, int customerId, CustomerEventKind kind, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ValidationFailedException.ThrowIfAny(CustomerRules.ValidateReason(reason));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await LoadForWorkAsync(db, viewer, customerId, requireOwner: true, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var previousOwner = customer.OwnerId;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        customer.OwnerId = null;
        customer.OwnerSince = customer.HoldClockAt = customer.ProgressClockAt = null;
        customer.FlowBackOn = null;
        customer.IsLocked = false;
        if (kind == CustomerEventKind.Lost)
        {
            customer.Status = CustomerStatus.Lost;
            await CloseOpportunitiesAsync(db, customerId, OpportunityStage.Lost, now, cancellationToken);
        }

        db.Add(new CustomerEvent { CustomerId = customerId, TeamId = customer.TeamId, OccurredAt = now, Kind = kind, ActorId = viewer.UserId, FromOwnerId = previousOwner, Reason = CustomerRules.Clean(reason) });
        await SaveAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await PublishAsync(customer.TeamId, CustomerTopics.Pool, customerId, viewer, cancellationToken);
    }

    /// <summary>Loads a customer tracked for a change by its owner (or, unless <paramref name="requireOwner"/>, the team's manager).</summary>
    internal static async Task<Customer> LoadForWorkAsync(AppDbContext db, Viewer viewer, int customerId, bool requireOwner, CancellationToken cancellationToken)
    {
        var customer = await db.Set<Customer>().SingleOrDefaultAsync(candidate => candidate.Id == customerId, cancellationToken)
            ?? throw new TeamAccessDeniedException(0);
        CustomerData.EnsureCanSee(viewer, customer.TeamId, customer.OwnerId);
        if (customer.OwnerId is null)
        {
            throw new PoolRuleException("Work_ClaimFirst");
        }

        if (customer.OwnerId != viewer.UserId && (requireOwner || !viewer.CanManageTeam(customer.TeamId)))
        {
            throw new PoolRuleException("Work_OwnerOnly");
        }

        return customer;
    }

    private static void EnsureCanWork(Viewer viewer, Customer customer)
    {
        CustomerData.EnsureCanSee(viewer, customer.TeamId, customer.OwnerId);
        if (customer.OwnerId != viewer.UserId && !viewer.CanManageTeam(customer.TeamId))
        {
            throw new PoolRuleException(customer.OwnerId is null ? "Work_ClaimFirst" : "Work_OwnerOnly");
        }
    }

    private static void Apply(Customer customer, CustomerInput input)
    {
        customer.Name = input.Name.Trim();
        customer.NormalizedName = CustomerNames.Normalize(input.Name);
        customer.NameCore = CompanyNameCore.Of(input.Name);
        customer.Phone = CustomerRules.Clean(input.Phone);
        customer.NormalizedPhone = CustomerNames.NormalizePhone(input.Phone);
        customer.Region = CustomerRules.Clean(input.Region);
        customer.Industry = input.Industry;
        customer.SizeBand = input.SizeBand;
        customer.Stage = input.Stage;
        customer.Source = input.Source;
        customer.ReferredById = input.Source == CustomerSource.Referral ? input.ReferredById : null;
        customer.Level = input.Level;
        customer.Notes = CustomerRules.Clean(input.Notes);
        customer.Contacts.Clear();
        foreach (var contact in input.Contacts)
        {
            customer.Contacts.Add(new Contact
            {
                Name = contact.Name.Trim(),
                Title = CustomerRules.Clean(contact.Title),
                Phone = CustomerRules.Clean(contact.Phone),
                WeChatOrEmail = CustomerRules.Clean(contact.WeChatOrEmail),
                IsDecisionMaker = contact.IsDecisionMaker,
            });
        }
    }

    internal static async Task EnsureNotDuplicateAsync(AppDbContext db, Viewer viewer, int teamId, CustomerInput input, int? exceptCustomerId, CancellationToken cancellationToken)
    {
        if (await CustomerDirectory.FindDuplicateAsync(db, viewer, teamId, input.Name, input.Phone, exceptCustomerId, cancellationToken) is { } duplicate)
        {
            throw new ValidationFailedException([DuplicateError(duplicate)]);
        }
    }

    internal static FieldError DuplicateError(DuplicateMatch duplicate) => new(
        duplicate.ByPhone ? nameof(CustomerInput.Phone) : nameof(CustomerInput.Name),
        duplicate.Place switch
        {
            DuplicatePlace.PublicPool => "Duplicate_InPublicPool",
            DuplicatePlace.Mine => "Duplicate_Yours",
            _ => "Duplicate_HeldBy",
        },
        duplicate.Name,
        duplicate.HolderName ?? "");

    private static async Task EnsureReferrerAsync(AppDbContext db, int teamId, CustomerInput input, CancellationToken cancellationToken, int? self = null)
    {
        if (input.Source == CustomerSource.Referral && input.ReferredById is { } referrerId
            && (referrerId == self || !await db.Set<Customer>().AnyAsync(customer => customer.Id == referrerId && customer.TeamId == teamId, cancellationToken)))
        {
            throw new ValidationFailedException([new FieldError(nameof(CustomerInput.ReferredById), "Validation_ReferrerRequired")]);
        }
    }

    /// <summary>Saves; a race that slipped past the duplicate check meets the unique index and gets the same message.</summary>
    private static async Task SaveUniqueAsync(AppDbContext db, Viewer viewer, int teamId, CustomerInput input, CancellationToken cancellationToken, int? self = null)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (await CustomerDirectory.FindDuplicateAsync(db, viewer, teamId, input.Name, null, self, cancellationToken) is { } duplicate)
            {
                throw new ValidationFailedException([DuplicateError(duplicate)]);
            }

            throw;
        }
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

    private static async Task CloseOpportunitiesAsync(AppDbContext db, int customerId, OpportunityStage stage, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var opportunity in await db.Set<Opportunity>().Where(candidate => candidate.CustomerId == customerId && candidate.Stage < OpportunityStage.Won).ToListAsync(cancellationToken))
        {
            opportunity.Stage = stage;
            opportunity.StageChangedAt = now;
        }
    }

    private static async Task<PoolRuleException> AlreadyTakenAsync(AppDbContext db, Viewer viewer, string? ownerId, CancellationToken cancellationToken)
    {
        if (ownerId == viewer.UserId)
        {
            return new PoolRuleException("Claim_AlreadyYours");
        }

        var names = await TeamData.NamesAsync(db, [ownerId], cancellationToken);
        return new PoolRuleException("Claim_AlreadyTaken", ownerId is null ? "?" : names.GetValueOrDefault(ownerId, "?"));
    }

    private Task PublishAsync(int teamId, string topic, int? customerId, Viewer viewer, CancellationToken cancellationToken) =>
        eventBus.PublishAsync(new TeamEvent(teamId, topic, customerId?.ToString(System.Globalization.CultureInfo.InvariantCulture), viewer.UserId), cancellationToken);
}
