using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.EveningReviews;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Validation;
using SalesCockpit.Tests.Features.Customers;
using SalesCockpit.Tests.Features.EveningReviews;
using SalesCockpit.Tests.Features.MorningPlans;

namespace SalesCockpit.Tests.Infrastructure.Data;

/// <summary>
/// Text at its maximum length is stored through the real services, one character more is refused with the field's
/// message. Meaningful on PostgreSQL (SQLite ignores column lengths), where it used to fail with 22001.
/// </summary>
public sealed class ColumnLengthTests : IDisposable
{
    private readonly CustomerServices customers = new();

    public void Dispose() => customers.Dispose();

    [Fact]
    public async Task EveryCustomerFieldTakesItsMaximumAndRefusesOneMore()
    {
        var team = await customers.Data.TeamAsync();
        var rep = await customers.Data.RepAsync(team);
        var contact = new ContactInput(Text(CustomerRules.ShortTextMaxLength), Text(CustomerRules.ShortTextMaxLength), "13800138000", Text(CustomerRules.ShortTextMaxLength), true);
        CustomerInput Input(int nameLength, int notesLength) => CustomerServices.Input(Text(nameLength), "+86 " + new string('1', CustomerRules.PhoneMaxLength - 4), contacts: contact) with
        {
            Region = Text(CustomerRules.ShortTextMaxLength),
            Notes = Text(notesLength),
        };

        var customerId = await customers.Pool.CreateAsync(rep, team.Id, Input(CustomerRules.NameMaxLength, CustomerRules.NotesMaxLength));

        await using (var db = await customers.Database.CreateDbContextAsync())
        {
            var stored = await db.Set<Customer>().Include(customer => customer.Contacts).SingleAsync(customer => customer.Id == customerId);
            Assert.Equal(CustomerRules.NameMaxLength, stored.Name.Length);
            Assert.Equal(CustomerRules.NotesMaxLength, stored.Notes!.Length);
            Assert.Equal(CustomerRules.ShortTextMaxLength, Assert.Single(stored.Contacts).WeChatOrEmail!.Length);
        }

        await AssertTooLongAsync(nameof(CustomerInput.Name), () => customers.Pool.CreateAsync(rep, team.Id, Input(CustomerRules.NameMaxLength + 1, 10)));
        await AssertTooLongAsync(nameof(CustomerInput.Notes), () => customers.Pool.CreateAsync(rep, team.Id, Input(10, CustomerRules.NotesMaxLength + 1)));
    }

    [Fact]
    public async Task FollowUpsOpportunitiesAndTheirStageChangesTakeTheLongestAllowedText()
    {
        var team = await customers.Data.TeamAsync();
        var rep = await customers.Data.RepAsync(team);
        var customerId = await customers.Pool.CreateAsync(rep, team.Id, CustomerServices.Input("Hengrui Machinery", contacts: new ContactInput("Boss", null, null, null, true)));
        await customers.Pool.SetCriterionAsync(rep, customerId, CustomerPoolSettings.NeedConfirmedCriterion, true);
        await customers.Pool.SetCriterionAsync(rep, customerId, CustomerPoolSettings.BudgetKnownCriterion, true);
        await customers.Pool.PromoteToValidLeadAsync(rep, customerId);
        var now = customers.Clock.GetUtcNow().UtcDateTime;
        FollowUpInput FollowUp(int contentLength) =>
            new(now, FollowUpKind.Visit, Text(contentLength), Text(CustomerRules.LongLineMaxLength), Text(CustomerRules.LongLineMaxLength), null);

        await customers.FollowUps.AddFollowUpAsync(rep, customerId, FollowUp(CustomerRules.FollowUpContentMaxLength));
        var title = Text(CustomerRules.ShortTextMaxLength);
        var opportunityId = await customers.FollowUps.AddOpportunityAsync(rep, customerId, new OpportunityInput(title, 1000m, OpportunityStage.Discovery, null));
        // Changing the stage writes the title and both stages into the customer's timeline.
        await customers.FollowUps.UpdateOpportunityAsync(rep, opportunityId, new OpportunityInput(title, 1000m, OpportunityStage.Negotiation, null), await OpportunityVersionAsync(opportunityId));

        await using (var db = await customers.Database.CreateDbContextAsync())
        {
            Assert.Equal(OpportunityStage.Negotiation, (await db.Set<Opportunity>().SingleAsync(opportunity => opportunity.Id == opportunityId)).Stage);
            Assert.Contains(await db.Set<CustomerEvent>().Where(customerEvent => customerEvent.CustomerId == customerId).Select(customerEvent => customerEvent.Detail).ToListAsync(), detail => OpportunityStageChange.FromDetail(detail)?.Title == title);
        }

        await AssertTooLongAsync(nameof(FollowUpInput.Content), () => customers.FollowUps.AddFollowUpAsync(rep, customerId, FollowUp(CustomerRules.FollowUpContentMaxLength + 1)));
        await AssertTooLongAsync(nameof(OpportunityInput.Title), () => customers.FollowUps.AddOpportunityAsync(rep, customerId, new OpportunityInput(title + "x", 1m, OpportunityStage.Discovery, null)));
    }

    [Fact]
    public async Task AReasonTakesItsMaximumAndOneMoreIsRefusedBeforeAnythingChanges()
    {
        var team = await customers.Data.TeamAsync();
        var rep = await customers.Data.RepAsync(team);
        var manager = await customers.Data.ManagerAsync(team);
        var released = await customers.OwnedCustomerAsync(team, rep);
        var kept = await customers.OwnedCustomerAsync(team, rep);

        await AssertTooLongAsync(CustomerRules.ReasonField, () => customers.Pool.ReleaseAsync(rep, kept, Text(CustomerRules.LongLineMaxLength + 1)));
        await AssertTooLongAsync(CustomerRules.ReasonField, () => customers.Pool.MarkWonAsync(rep, kept, Text(CustomerRules.LongLineMaxLength + 1)));
        await AssertTooLongAsync(CustomerRules.ReasonField, () => customers.Pool.HandOverAsync(manager, team.Id, rep.UserId, [kept], null, Text(CustomerRules.LongLineMaxLength + 1)));
        await customers.Pool.ReleaseAsync(rep, released, Text(CustomerRules.LongLineMaxLength));

        await using var db = await customers.Database.CreateDbContextAsync();
        Assert.Null((await db.Set<Customer>().SingleAsync(customer => customer.Id == released)).OwnerId);
        Assert.Equal(rep.UserId, (await db.Set<Customer>().SingleAsync(customer => customer.Id == kept)).OwnerId);
        Assert.Equal(CustomerRules.LongLineMaxLength, (await db.Set<CustomerEvent>().SingleAsync(customerEvent => customerEvent.CustomerId == released && customerEvent.Kind == CustomerEventKind.Released)).Reason!.Length);
    }

    [Fact]
    public async Task AJudgmentsLongestNextActionReachesTheCustomersTimeline()
    {
        using var context = new PlanTestContext(services => services.AddSingleton<CustomerOutcomes>().AddEveningReviews());
        var judgments = context.Get<JudgmentService>();
        var team = await context.Data.TeamAsync();
        var manager = await context.Data.ManagerAsync(team);
        var rep = await context.Data.RepAsync(team);
        var customer = await context.CustomerAsync(team, rep, Text(CustomerRules.NameMaxLength));
        var opportunity = await ReviewTestData.OpportunityAsync(context.Database, context.Clock, customer, Text(CustomerRules.ShortTextMaxLength));
        var action = Text(ReviewRules.ShortTextMaxLength);

        await AssertTooLongAsync(nameof(JudgmentInput.NextAction), () => judgments.SaveAsync(manager, opportunity.Id, ReviewTestData.Judgment(action + "x")));
        await judgments.SaveAsync(manager, opportunity.Id, ReviewTestData.Judgment(action) with
        {
            PurchasingSeasonNote = Text(ReviewRules.ShortTextMaxLength),
            OtherCauses = Text(ReviewRules.TextMaxLength),
        });

        Assert.Equal(action, (await judgments.GetAsync(manager, opportunity.Id)).Judgment!.NextAction);
        await using var db = await context.Database.CreateDbContextAsync();
        Assert.Contains(await db.Set<CustomerEvent>().Where(customerEvent => customerEvent.CustomerId == customer.Id).Select(customerEvent => customerEvent.Detail).ToListAsync(), detail => detail != null && detail.StartsWith(action, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATeamAndAPersonTakeTheirLongestNameAndEmail()
    {
        var admin = await customers.Data.AdminAsync();
        using var identity = IdentityTestServices.Build(customers.Database);
        var people = new PeopleAdministration(customers.Database, identity.GetRequiredService<IServiceScopeFactory>(), customers.Bus, customers.Clock);
        var teamName = Text(TeamRules.NameMaxLength);
        var email = new string('a', 64) + "@" + new string('b', 63) + "." + new string('c', 60) + "." + new string('d', 60) + ".local";
        PersonInput Person(int teamId, string address) => new(Text(TeamRules.PersonNameMaxLength), address, Roles.Rep, [teamId], "Long#Enough2026");

        var teamId = await people.CreateTeamAsync(admin, new TeamInput(teamName, TeamRules.DefaultTimeZoneId));
        var userId = await people.CreatePersonAsync(admin, Person(teamId, email));

        Assert.Equal(TeamRules.EmailMaxLength, email.Length);
        await AssertTooLongAsync(nameof(PersonInput.Email), () => people.CreatePersonAsync(admin, Person(teamId, "e" + email)));
        await AssertTooLongAsync(nameof(Team.Name), () => people.CreateTeamAsync(admin, new TeamInput(teamName + "x", TeamRules.DefaultTimeZoneId)));
        Assert.Contains(await people.ListPeopleAsync(admin), person => person.UserId == userId && person.Email == email && person.Teams.Any(team => team.Name == teamName));
    }

    private async Task<Guid> OpportunityVersionAsync(int opportunityId)
    {
        await using var db = await customers.Database.CreateDbContextAsync();
        return await db.Set<Opportunity>().Where(opportunity => opportunity.Id == opportunityId).Select(opportunity => opportunity.Version).SingleAsync();
    }

    private static async Task AssertTooLongAsync(string field, Func<Task> action)
    {
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(action);
        Assert.Contains(refused.Errors, error => error.Field == field && error.MessageKey == "Validation_TooLong");
    }

    /// <summary>Chinese text of the given length: every character counts as one on both providers.</summary>
    private static string Text(int length) => string.Concat(Enumerable.Repeat("销售铁军早启动晚分享", (length / 10) + 1))[..length];
}
