using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Customers;

public enum CustomerScope
{
    Mine,
    Pool,
    Team,
}

public enum CustomerSort
{
    FlowBack,
    Name,
    LastFollowUp,
    Status,
    Created,
}

/// <summary>A page of a customer list. <see cref="OwnerId"/> filters the team list; <see cref="PublicPoolOwner"/> means unowned.</summary>
public sealed record CustomerQuery(
    int TeamId,
    CustomerScope Scope,
    string? Search = null,
    CustomerStatus? Status = null,
    PersonaFit? Fit = null,
    string? OwnerId = null,
    int? FlowBackWithinDays = null,
    CustomerSort Sort = CustomerSort.FlowBack,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25)
{
    public const string PublicPoolOwner = "-";
    public const int MaxPageSize = 100_000;
}

public sealed record CustomerRow(
    int Id,
    string Name,
    string? Phone,
    string? Region,
    Industry Industry,
    SizeBand SizeBand,
    DevelopmentStage Stage,
    CustomerStatus Status,
    CustomerLevel Level,
    string? OwnerId,
    string? OwnerName,
    bool IsLocked,
    FlowBackCountdown? Countdown,
    PersonaFit Fit,
    DateTime? LastFollowUpAt,
    DateOnly? NextFollowUpOn);

public sealed record CustomerListResult(IReadOnlyList<CustomerRow> Rows, int Total, string TimeZoneId);

public sealed record ContactView(int Id, string Name, string? Title, string? Phone, string? WeChatOrEmail, bool IsDecisionMaker);

public sealed record ChecklistItem(string Criterion, bool Met, bool Automatic);

public sealed record OpportunityView(int Id, string Title, decimal Amount, OpportunityStage Stage, DateOnly? ExpectedCloseOn, DateTime StageChangedAt, bool IsStalled, Guid Version);

public sealed record CustomerDetails(
    int Id,
    int TeamId,
    string TimeZoneId,
    string Name,
    string? Phone,
    string? Region,
    Industry Industry,
    SizeBand SizeBand,
    DevelopmentStage Stage,
    CustomerSource Source,
    int? ReferredById,
    string? ReferredByName,
    CustomerStatus Status,
    CustomerLevel Level,
    string? Notes,
    string? OwnerId,
    string? OwnerName,
    DateTime? OwnerSince,
    bool IsLocked,
    FlowBackCountdown? Countdown,
    FlowBackReason? CountdownReason,
    PersonaFit Fit,
    IReadOnlyList<ContactView> Contacts,
    IReadOnlyList<ChecklistItem> Checklist,
    IReadOnlyList<OpportunityView> Opportunities,
    DateTime? LastFollowUpAt,
    DateOnly? NextFollowUpOn,
    Guid Version,
    bool IsMine,
    bool CanManage,
    string CurrencyCode)
{
    public bool InPublicPool => OwnerId is null;

    public IEnumerable<string> MissingCriteria => Checklist.Where(item => !item.Met).Select(item => item.Criterion);

    public CustomerInput ToInput() => new(
        Name, Phone, Region, Industry, SizeBand, Stage, Source, ReferredById, Level, Notes,
        [.. Contacts.Select(contact => new ContactInput(contact.Name, contact.Title, contact.Phone, contact.WeChatOrEmail, contact.IsDecisionMaker))]);
}

public enum TimelineEntryKind
{
    FollowUp,
    Event,
}

/// <summary>A line of a customer's timeline; <see cref="Key"/> ("f" or "e" and the record's id) stays the same across reloads.</summary>
public sealed record TimelineEntry(
    string Key,
    TimelineEntryKind Kind,
    DateTime At,
    string? ActorName,
    FollowUpKind? FollowUpKind,
    string? Content,
    string? Outcome,
    string? NextStep,
    DateOnly? NextFollowUpOn,
    CustomerEventKind? EventKind,
    string? FromName,
    string? ToName,
    string? Reason,
    string? Detail);

public enum DuplicatePlace
{
    PublicPool,
    Mine,
    Colleague,
}

/// <summary>An existing customer that the typed name or phone matches. <see cref="CustomerId"/> is null when the viewer may not open it.</summary>
public sealed record DuplicateMatch(int? CustomerId, string Name, DuplicatePlace Place, string? HolderName, bool ByPhone);

public sealed record DueFollowUp(int CustomerId, string Name, DateOnly Due, int DaysOverdue, CustomerStatus Status, string? LastNextStep);

public sealed record MyDay(DateOnly Today, IReadOnlyList<DueFollowUp> DueFollowUps, IReadOnlyList<CustomerRow> FlowingBackSoon);

public sealed record StalledOpportunity(
    int OpportunityId, int CustomerId, string CustomerName, string Title, decimal Amount, OpportunityStage Stage,
    DateOnly? ExpectedCloseOn, string? OwnerName, DateTime StageChangedAt, DateTime? LastFollowUpAt);

/// <summary>Read side of customers: lists, a customer's page and timeline, the duplicate check, my day, stalled deals.</summary>
public sealed class CustomerDirectory(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<CustomerListResult> ListAsync(Viewer viewer, CustomerQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(query);
        viewer.EnsureCanSeeTeam(query.TeamId);
        if (query.Scope == CustomerScope.Team)
        {
            viewer.EnsureCanSeeTeamWide(query.TeamId);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await CustomerData.SettingsAsync(db, query.TeamId, cancellationToken);
        var timeZoneId = await TeamData.TimeZoneAsync(db, query.TeamId, cancellationToken);
        var policy = new FlowBackPolicy(settings, timeZoneId, clock);

        var customers = db.Set<Customer>().AsNoTracking().Where(customer => customer.TeamId == query.TeamId);
        customers = query.Scope switch
        {
            CustomerScope.Mine => customers.Where(customer => customer.OwnerId == viewer.UserId),
            CustomerScope.Pool => customers.Where(customer => customer.OwnerId == null),
            _ => query.OwnerId switch
            {
                null or "" => customers,
                CustomerQuery.PublicPoolOwner => customers.Where(customer => customer.OwnerId == null),
                var ownerId => customers.Where(customer => customer.OwnerId == ownerId),
            },
        };

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            var normalized = CustomerNames.Normalize(text);
            var digits = CustomerNames.NormalizePhone(text);
            customers = customers.Where(customer => customer.Name.Contains(text)
                || (normalized != "" && customer.NormalizedName.Contains(normalized))
                || (digits != null && customer.NormalizedPhone != null && customer.NormalizedPhone.Contains(digits))
                || (customer.Region != null && customer.Region.Contains(text)));
        }

        if (query.Status is { } status)
        {
            customers = customers.Where(customer => customer.Status == status);
        }

        if (query.FlowBackWithinDays is { } within)
        {
            var until = policy.Today.AddDays(within);
            customers = customers.Where(customer => customer.FlowBackOn != null && customer.FlowBackOn <= until);
        }

        var industries = settings.PersonaIndustries;
        var sizes = settings.PersonaSizeBands;
        var stages = settings.PersonaStages;
        var configured = PersonaMatch.Configured(settings);
        var scored = customers.Select(customer => new
        {
            Customer = customer,
            Score = (industries.Contains(customer.Industry) ? 1 : 0) + (sizes.Contains(customer.SizeBand) ? 1 : 0) + (stages.Contains(customer.Stage) ? 1 : 0),
        });
        scored = query.Fit switch
        {
            null => scored,
            PersonaFit.Unknown => configured == 0 ? scored : scored.Where(_ => false),
            PersonaFit.Strong => configured == 0 ? scored.Where(_ => false) : scored.Where(row => row.Score >= configured),
            PersonaFit.Weak => configured == 0 ? scored.Where(_ => false) : scored.Where(row => row.Score == 0),
            _ => configured == 0 ? scored.Where(_ => false) : scored.Where(row => row.Score > 0 && row.Score < configured),
        };

        var total = await scored.CountAsync(cancellationToken);
        var ordered = (query.Sort, query.Descending) switch
        {
            (CustomerSort.Name, false) => scored.OrderBy(row => row.Customer.Name),
            (CustomerSort.Name, true) => scored.OrderByDescending(row => row.Customer.Name),
            (CustomerSort.LastFollowUp, false) => scored.OrderBy(row => row.Customer.LastFollowUpAt == null).ThenBy(row => row.Customer.LastFollowUpAt),
            (CustomerSort.LastFollowUp, true) => scored.OrderByDescending(row => row.Customer.LastFollowUpAt),
            (CustomerSort.Status, false) => scored.OrderBy(row => row.Customer.Status),
            (CustomerSort.Status, true) => scored.OrderByDescending(row => row.Customer.Status),
            (CustomerSort.Created, false) => scored.OrderBy(row => row.Customer.Id),
            (CustomerSort.Created, true) => scored.OrderByDescending(row => row.Customer.Id),
            (_, false) => scored.OrderBy(row => row.Customer.FlowBackOn == null).ThenBy(row => row.Customer.FlowBackOn),
            (_, true) => scored.OrderBy(row => row.Customer.FlowBackOn == null).ThenByDescending(row => row.Customer.FlowBackOn),
        };
        var pageSize = Math.Clamp(query.PageSize, 1, CustomerQuery.MaxPageSize);
        var rows = await ordered.ThenBy(row => row.Customer.Id)
            .Skip(Math.Max(0, query.Page) * pageSize).Take(pageSize)
            .Select(row => new
            {
                row.Customer.Id,
                row.Customer.Name,
                row.Customer.Phone,
                row.Customer.Region,
                row.Customer.Industry,
                row.Customer.SizeBand,
                row.Customer.Stage,
                row.Customer.Status,
                row.Customer.Level,
                row.Customer.OwnerId,
                OwnerName = db.Users.Where(user => user.Id == row.Customer.OwnerId).Select(user => user.DisplayName).FirstOrDefault(),
                row.Customer.IsLocked,
                row.Customer.FlowBackOn,
                row.Score,
                row.Customer.LastFollowUpAt,
                row.Customer.NextFollowUpOn,
            })
            .ToListAsync(cancellationToken);
        return new CustomerListResult(
            [.. rows.Select(row => new CustomerRow(
                row.Id, row.Name, row.Phone, row.Region, row.Industry, row.SizeBand, row.Stage, row.Status, row.Level,
                row.OwnerId, row.OwnerName, row.IsLocked, policy.Countdown(row.FlowBackOn), PersonaMatch.FromScore(configured, row.Score),
                row.LastFollowUpAt, row.NextFollowUpOn))],
            total,
            timeZoneId);
    }

    public async Task<CustomerDetails> GetAsync(Viewer viewer, int customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await db.Set<Customer>().AsNoTracking().Include(candidate => candidate.Contacts)
            .SingleOrDefaultAsync(candidate => candidate.Id == customerId, cancellationToken)
            ?? throw new TeamAccessDeniedException(0);
        CustomerData.EnsureCanSee(viewer, customer.TeamId, customer.OwnerId);

        var settings = await CustomerData.SettingsAsync(db, customer.TeamId, cancellationToken);
        var (timeZoneId, currencyCode) = await TeamData.ZoneAndCurrencyAsync(db, customer.TeamId, cancellationToken);
        var policy = new FlowBackPolicy(settings, timeZoneId, clock);
        var stalled = new StalledOpportunityRule(settings.StalledOpportunityDays, timeZoneId, clock);
        var names = await TeamData.NamesAsync(db, [customer.OwnerId], cancellationToken);
        var referredBy = customer.ReferredById is { } referrerId
            ? await db.Set<Customer>().Where(candidate => candidate.Id == referrerId).Select(candidate => candidate.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var opportunities = await db.Set<Opportunity>().AsNoTracking()
            .Where(opportunity => opportunity.CustomerId == customerId)
            .OrderBy(opportunity => opportunity.Id)
            .ToListAsync(cancellationToken);

        var hasDecisionMaker = customer.Contacts.Any(contact => contact.IsDecisionMaker);
        var missing = ValidLeadChecklist.Missing(settings.ValidLeadCriteria, customer.MetCriteria, hasDecisionMaker);
        return new CustomerDetails(
            customer.Id, customer.TeamId, timeZoneId, customer.Name, customer.Phone, customer.Region, customer.Industry, customer.SizeBand, customer.Stage,
            customer.Source, customer.ReferredById, referredBy, customer.Status, customer.Level, customer.Notes,
            customer.OwnerId, customer.OwnerId is null ? null : names.GetValueOrDefault(customer.OwnerId), customer.OwnerSince, customer.IsLocked,
            policy.Countdown(customer.FlowBackOn), policy.Due(customer)?.Reason,
            PersonaMatch.Fit(settings, customer.Industry, customer.SizeBand, customer.Stage),
            [.. customer.Contacts.OrderBy(contact => contact.Id).Select(contact => new ContactView(contact.Id, contact.Name, contact.Title, contact.Phone, contact.WeChatOrEmail, contact.IsDecisionMaker))],
            [.. settings.ValidLeadCriteria.Select(criterion => new ChecklistItem(criterion, !missing.Contains(criterion), ValidLeadChecklist.IsAutomatic(criterion)))],
            [.. opportunities.Select(opportunity => new OpportunityView(
                opportunity.Id, opportunity.Title, opportunity.AmountCents / 100m, opportunity.Stage, opportunity.ExpectedCloseOn, opportunity.StageChangedAt,
                opportunity.IsOpen && stalled.IsStalled(opportunity.StageChangedAt, customer.LastFollowUpAt, opportunity.CreatedAt), opportunity.Version))],
            customer.LastFollowUpAt, customer.NextFollowUpOn, customer.Version,
            customer.OwnerId == viewer.UserId, viewer.CanManageTeam(customer.TeamId), currencyCode);
    }

    /// <summary>Follow-ups and history, newest first. It belongs to the customer, not to an owner: whoever may see the customer sees it all.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Viewer viewer, int customerId, int take = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await db.Set<Customer>().AsNoTracking().Where(candidate => candidate.Id == customerId)
            .Select(candidate => new { candidate.TeamId, candidate.OwnerId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new TeamAccessDeniedException(0);
        CustomerData.EnsureCanSee(viewer, customer.TeamId, customer.OwnerId);

        var followUps = await db.Set<FollowUp>().AsNoTracking().Where(followUp => followUp.CustomerId == customerId)
            .OrderByDescending(followUp => followUp.OccurredAt).Take(take).ToListAsync(cancellationToken);
        var events = await db.Set<CustomerEvent>().AsNoTracking().Where(customerEvent => customerEvent.CustomerId == customerId)
            .OrderByDescending(customerEvent => customerEvent.OccurredAt).Take(take).ToListAsync(cancellationToken);
        var names = await TeamData.NamesAsync(
            db, followUps.Select(followUp => followUp.AuthorId).Concat(events.SelectMany(customerEvent => new[] { customerEvent.ActorId, customerEvent.FromOwnerId, customerEvent.ToOwnerId })), cancellationToken);
        string? NameOf(string? id) => id is null ? null : names.GetValueOrDefault(id, "?");

        return [.. followUps.Select(followUp => new TimelineEntry(
                "f" + followUp.Id.ToString(CultureInfo.InvariantCulture), TimelineEntryKind.FollowUp, followUp.OccurredAt, NameOf(followUp.AuthorId), followUp.Kind, followUp.Content, followUp.Outcome, followUp.NextStep,
                followUp.NextFollowUpOn, null, null, null, null, null))
            .Concat(events.Select(customerEvent => new TimelineEntry(
                "e" + customerEvent.Id.ToString(CultureInfo.InvariantCulture), TimelineEntryKind.Event, customerEvent.OccurredAt, NameOf(customerEvent.ActorId), null, null, null, null, null,
                customerEvent.Kind, NameOf(customerEvent.FromOwnerId), NameOf(customerEvent.ToOwnerId), customerEvent.Reason, customerEvent.Detail)))
            .OrderByDescending(entry => entry.At)
            .ThenBy(entry => entry.Kind)
            .Take(take)];
    }

    /// <summary>Does the team already have this customer, and where? Names a colleague who holds it, never shows their work.</summary>
    public async Task<DuplicateMatch?> FindDuplicateAsync(Viewer viewer, int teamId, string? name, string? phone, int? exceptCustomerId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeam(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await FindDuplicateAsync(db, viewer, teamId, name, phone, exceptCustomerId, cancellationToken);
    }

    internal static async Task<DuplicateMatch?> FindDuplicateAsync(AppDbContext db, Viewer viewer, int teamId, string? name, string? phone, int? exceptCustomerId, CancellationToken cancellationToken)
    {
        var normalizedName = CustomerNames.Normalize(name);
        var normalizedPhone = CustomerNames.NormalizePhone(phone);
        if (normalizedName.Length == 0 && normalizedPhone is null)
        {
            return null;
        }

        var match = await db.Set<Customer>().AsNoTracking()
            .Where(customer => customer.TeamId == teamId && customer.Id != exceptCustomerId
                && ((normalizedName != "" && customer.NormalizedName == normalizedName) || (normalizedPhone != null && customer.NormalizedPhone == normalizedPhone)))
            .OrderBy(customer => customer.NormalizedName == normalizedName ? 0 : 1)
            .Select(customer => new
            {
                customer.Id,
                customer.Name,
                customer.OwnerId,
                customer.NormalizedName,
                OwnerName = db.Users.Where(user => user.Id == customer.OwnerId).Select(user => user.DisplayName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (match is null)
        {
            return null;
        }

        var place = match.OwnerId is null ? DuplicatePlace.PublicPool : match.OwnerId == viewer.UserId ? DuplicatePlace.Mine : DuplicatePlace.Colleague;
        var canOpen = place != DuplicatePlace.Colleague || viewer.CanManageTeam(teamId);
        return new DuplicateMatch(canOpen ? match.Id : null, match.Name, place, match.OwnerName, match.NormalizedName != normalizedName);
    }

    public async Task<MyDay> MyDayAsync(Viewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeam(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await CustomerData.SettingsAsync(db, teamId, cancellationToken);
        var timeZoneId = await TeamData.TimeZoneAsync(db, teamId, cancellationToken);
        var policy = new FlowBackPolicy(settings, timeZoneId, clock);
        var today = policy.Today;

        var due = await db.Set<Customer>().AsNoTracking()
            .Where(customer => customer.TeamId == teamId && customer.OwnerId == viewer.UserId && customer.NextFollowUpOn != null && customer.NextFollowUpOn <= today)
            .OrderBy(customer => customer.NextFollowUpOn).ThenBy(customer => customer.Name)
            .Select(customer => new
            {
                customer.Id,
                customer.Name,
                customer.NextFollowUpOn,
                customer.Status,
                NextStep = db.Set<FollowUp>().Where(followUp => followUp.CustomerId == customer.Id)
                    .OrderByDescending(followUp => followUp.OccurredAt).Select(followUp => followUp.NextStep).FirstOrDefault(),
            })
            .Take(200)
            .ToListAsync(cancellationToken);

        var soon = await ListAsync(viewer, new CustomerQuery(teamId, CustomerScope.Mine, FlowBackWithinDays: settings.WarningDays, PageSize: 50), cancellationToken);
        return new MyDay(
            today,
            [.. due.Select(row => new DueFollowUp(row.Id, row.Name, row.NextFollowUpOn!.Value, today.DayNumber - row.NextFollowUpOn.Value.DayNumber, row.Status, row.NextStep))],
            soon.Rows);
    }

    /// <summary>Counts for a small card: follow-ups due today, overdue, and customers inside the flow-back warning period.</summary>
    public async Task<(int DueToday, int Overdue, int FlowingBackSoon)> MyDayCountsAsync(Viewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeam(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await CustomerData.SettingsAsync(db, teamId, cancellationToken);
        var today = TeamCalendar.Today(clock, await TeamData.TimeZoneAsync(db, teamId, cancellationToken));
        var warnUntil = today.AddDays(settings.WarningDays);
        var mine = db.Set<Customer>().Where(customer => customer.TeamId == teamId && customer.OwnerId == viewer.UserId);
        var dueToday = await mine.CountAsync(customer => customer.NextFollowUpOn == today, cancellationToken);
        var overdue = await mine.CountAsync(customer => customer.NextFollowUpOn < today, cancellationToken);
        var soon = await mine.CountAsync(customer => customer.FlowBackOn != null && customer.FlowBackOn <= warnUntil, cancellationToken);
        return (dueToday, overdue, soon);
    }

    /// <summary>Open opportunities without a follow-up or a stage change for the team's number of days, for the manager to judge.</summary>
    public async Task<IReadOnlyList<StalledOpportunity>> StalledOpportunitiesAsync(Viewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeamWide(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await CustomerData.SettingsAsync(db, teamId, cancellationToken);
        var rule = new StalledOpportunityRule(settings.StalledOpportunityDays, await TeamData.TimeZoneAsync(db, teamId, cancellationToken), clock);
        var cutoff = rule.CutoffUtc;
        var rows = await (from opportunity in db.Set<Opportunity>().AsNoTracking()
                          join customer in db.Set<Customer>() on opportunity.CustomerId equals customer.Id
                          where opportunity.TeamId == teamId && opportunity.Stage < OpportunityStage.Won
                                && (opportunity.StageChangedAt < cutoff || (opportunity.CreatedAt < cutoff && (customer.LastFollowUpAt == null || customer.LastFollowUpAt < cutoff)))
                          orderby opportunity.StageChangedAt
                          select new
                          {
                              opportunity.Id,
                              CustomerId = customer.Id,
                              CustomerName = customer.Name,
                              opportunity.Title,
                              opportunity.AmountCents,
                              opportunity.Stage,
                              opportunity.ExpectedCloseOn,
                              OwnerName = db.Users.Where(user => user.Id == customer.OwnerId).Select(user => user.DisplayName).FirstOrDefault(),
                              opportunity.StageChangedAt,
                              customer.LastFollowUpAt,
                          })
            .Take(500)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new StalledOpportunity(
            row.Id, row.CustomerId, row.CustomerName, row.Title, row.AmountCents / 100m, row.Stage, row.ExpectedCloseOn, row.OwnerName, row.StageChangedAt, row.LastFollowUpAt))];
    }

    /// <summary>Customers referred-by pickers can offer: the team's customers the viewer may see, by name.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> SearchReferrersAsync(Viewer viewer, int teamId, string? text, CancellationToken cancellationToken = default)
    {
        var page = await ListAsync(viewer, new CustomerQuery(teamId, viewer.CanManageTeam(teamId) ? CustomerScope.Team : CustomerScope.Mine, Search: text, Sort: CustomerSort.Name, PageSize: 20), cancellationToken);
        return [.. page.Rows.Select(row => (row.Id, row.Name))];
    }

    /// <summary>The team's latest follow-ups (by when they were recorded) and pool moves, newest first, for the board's activity feed.</summary>
    public async Task<IReadOnlyList<TeamActivity>> TeamActivityAsync(Viewer viewer, int teamId, int take = 12, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeamWide(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var followUps = await db.Set<FollowUp>().AsNoTracking()
            .Where(followUp => followUp.TeamId == teamId)
            .OrderByDescending(followUp => followUp.CreatedAt).Take(take)
            .Select(followUp => new { followUp.Id, OccurredAt = followUp.CreatedAt, followUp.CustomerId, ActorId = (string?)followUp.AuthorId, FollowUpKind = (FollowUpKind?)followUp.Kind, EventKind = (CustomerEventKind?)null, FromOwnerId = (string?)null, ToOwnerId = (string?)null, Detail = (string?)null })
            .ToListAsync(cancellationToken);
        var moves = await db.Set<CustomerEvent>().AsNoTracking()
            .Where(customerEvent => customerEvent.TeamId == teamId && customerEvent.Kind != CustomerEventKind.StatusChanged)
            .OrderByDescending(customerEvent => customerEvent.OccurredAt).Take(take)
            .Select(customerEvent => new { customerEvent.Id, customerEvent.OccurredAt, customerEvent.CustomerId, customerEvent.ActorId, FollowUpKind = (FollowUpKind?)null, EventKind = (CustomerEventKind?)customerEvent.Kind, customerEvent.FromOwnerId, customerEvent.ToOwnerId, customerEvent.Detail })
            .ToListAsync(cancellationToken);
        var latest = followUps.Concat(moves).OrderByDescending(item => item.OccurredAt).Take(take).ToList();
        var names = await TeamData.NamesAsync(db, [.. latest.SelectMany(item => new[] { item.ActorId, item.FromOwnerId, item.ToOwnerId })], cancellationToken);
        string? NameOf(string? id) => id is null ? null : names.GetValueOrDefault(id, "?");
        var customerIds = latest.Select(item => item.CustomerId).Distinct().ToList();
        var customers = await db.Set<Customer>().AsNoTracking().Where(customer => customerIds.Contains(customer.Id))
            .ToDictionaryAsync(customer => customer.Id, customer => customer.Name, cancellationToken);
        return [.. latest.Select(item => new TeamActivity(
            (item.FollowUpKind is null ? "e" : "f") + item.Id.ToString(CultureInfo.InvariantCulture), item.OccurredAt, item.CustomerId, customers.GetValueOrDefault(item.CustomerId, ""),
            NameOf(item.ActorId), item.FollowUpKind, item.EventKind, NameOf(item.FromOwnerId), NameOf(item.ToOwnerId), item.Detail))];
    }
}

/// <summary>
/// One line of the team's activity: a follow-up (<see cref="FollowUpKind"/>) or a pool move (<see cref="EventKind"/>).
/// <see cref="Key"/> stays the same across reloads ("f" or "e" and the record's id), so a new line is one insert on a page.
/// </summary>
public sealed record TeamActivity(
    string Key, DateTime OccurredAt, int CustomerId, string CustomerName, string? ActorName, FollowUpKind? FollowUpKind, CustomerEventKind? EventKind,
    string? FromName, string? ToName, string? Detail);
