using System.Text.RegularExpressions;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Customers.Components;
using SalesCockpit.Features.TeamBoard.Panels;
using SalesCockpit.Features.Teams;
using SalesCockpit.Tests.Features.Customers;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.TeamBoard;

/// <summary>Every kind of activity reads as a finished sentence, with its names, on the board (and wall display) and the customer's timeline.</summary>
public partial class ActivityTextTests : ComponentTestContext
{
    public ActivityTextTests() => Services.AddSingleton<CustomerDirectory>();

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task EveryKindOfActivityShowsWithoutAPlaceholder(string culture)
    {
        UseCulture(culture);
        var east = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(east);
        var (from, to) = (await Data.RepAsync(east), await Data.RepAsync(east));
        var customerId = await new CustomerPool(Database, Bus, Clock).CreateAsync(from, east.Id, CustomerServices.Input("Ningbo Harbour Tools"));
        var directory = Services.GetRequiredService<CustomerDirectory>();
        var kinds = Enum.GetValues<CustomerEventKind>();
        Assert.NotEmpty(kinds);

        foreach (var kind in kinds)
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            await AddEventAsync(east.Id, customerId, kind, from, to);

            var feed = Render<ActivityFeedPanel>(parameters => parameters.Add(p => p.TeamId, east.Id).Add(p => p.TimeZoneId, east.TimeZoneId).Add(p => p.Viewer, manager).Add(p => p.ReadOnly, true));
            var newest = kind == CustomerEventKind.StatusChanged ? null : feed.WaitForElement("[data-testid=activity-item]");
            var entries = await directory.TimelineAsync(manager, customerId);
            var timeline = Render<CustomerTimeline>(parameters => parameters.Add(p => p.Entries, entries).Add(p => p.TimeZoneId, east.TimeZoneId));
            var line = timeline.FindAll("[data-testid=timeline-event]")[0].TextContent;

            Assert.DoesNotMatch(Placeholder(), feed.Markup);
            Assert.DoesNotMatch(Placeholder(), timeline.Markup);
            if (kind is CustomerEventKind.HandedOver)
            {
                Assert.Contains(from.DisplayName, newest!.TextContent, StringComparison.Ordinal);
                Assert.Contains(to.DisplayName, newest.TextContent, StringComparison.Ordinal);
                Assert.Contains(to.DisplayName, line, StringComparison.Ordinal);
            }
            else if (kind is CustomerEventKind.Released or CustomerEventKind.Lost or CustomerEventKind.FlowedBack)
            {
                Assert.Contains(from.DisplayName, newest!.TextContent, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("en-US", "Line 3 retrofit: Discovery → Negotiation")]
    [InlineData("zh-CN", "Line 3 retrofit：需求挖掘 → 商务谈判")]
    public async Task AStageChangeReadsInTheViewersLanguageWhoeverMadeIt(string viewerCulture, string expected)
    {
        var east = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(east);
        var rep = await Data.RepAsync(east);
        var pool = new CustomerPool(Database, Bus, Clock);
        var customerId = await pool.CreateAsync(rep, east.Id, CustomerServices.Input("Ningbo Harbour Tools", contacts: new ContactInput("Boss", null, null, null, true)));
        await pool.SetCriterionAsync(rep, customerId, CustomerPoolSettings.NeedConfirmedCriterion, true);
        await pool.SetCriterionAsync(rep, customerId, CustomerPoolSettings.BudgetKnownCriterion, true);
        await pool.PromoteToValidLeadAsync(rep, customerId);
        var followUps = new FollowUpLog(Database, Bus, Clock);
        var opportunityId = await followUps.AddOpportunityAsync(rep, customerId, new OpportunityInput("Line 3 retrofit", 1000m, OpportunityStage.Discovery, null));
        // The rep works in the other language from the viewer's: nothing of the rep's language is stored.
        UseCulture(viewerCulture == "en-US" ? "zh-CN" : "en-US");
        await followUps.UpdateOpportunityAsync(rep, opportunityId, new OpportunityInput("Line 3 retrofit", 1000m, OpportunityStage.Negotiation, null), await OpportunityVersionAsync(opportunityId));

        UseCulture(viewerCulture);
        var entries = await Services.GetRequiredService<CustomerDirectory>().TimelineAsync(manager, customerId);
        var timeline = Render<CustomerTimeline>(parameters => parameters.Add(p => p.Entries, entries).Add(p => p.TimeZoneId, east.TimeZoneId));
        var feed = Render<ActivityFeedPanel>(parameters => parameters.Add(p => p.TeamId, east.Id).Add(p => p.TimeZoneId, east.TimeZoneId).Add(p => p.Viewer, manager).Add(p => p.ReadOnly, true));

        Assert.Contains(timeline.FindAll("[data-testid=timeline-event]"), line => line.TextContent.Contains(expected, StringComparison.Ordinal));
        feed.WaitForAssertion(() => Assert.Contains(feed.FindAll("[data-testid=activity-item]"), item => item.TextContent.Contains(expected, StringComparison.Ordinal)));
    }

    [Fact]
    public void AStageChangeWrittenAsAnEnglishSentenceBeforeIsStillReadAsData()
    {
        Assert.Equal(new OpportunityStageChange("Plant: line 3", OpportunityStage.Proposal, OpportunityStage.Commitment), OpportunityStageChange.FromDetail("Plant: line 3: Proposal → Commitment"));
        var stored = new OpportunityStageChange("换线项目", OpportunityStage.Discovery, OpportunityStage.Proposal).ToDetail();
        Assert.DoesNotContain("→", stored, StringComparison.Ordinal);
        Assert.Equal(new OpportunityStageChange("换线项目", OpportunityStage.Discovery, OpportunityStage.Proposal), OpportunityStageChange.FromDetail(stored));
        Assert.Null(OpportunityStageChange.FromDetail("Something else"));
    }

    private async Task<Guid> OpportunityVersionAsync(int opportunityId)
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.Set<Opportunity>().Where(opportunity => opportunity.Id == opportunityId).Select(opportunity => opportunity.Version).SingleAsync();
    }

    private async Task AddEventAsync(int teamId, int customerId, CustomerEventKind kind, Viewer from, Viewer to)
    {
        await using var db = await Database.CreateDbContextAsync();
        db.Add(new CustomerEvent
        {
            CustomerId = customerId, TeamId = teamId, OccurredAt = Clock.GetUtcNow().UtcDateTime, Kind = kind,
            ActorId = kind == CustomerEventKind.FlowedBack ? null : from.UserId,
            FromOwnerId = from.UserId,
            ToOwnerId = to.UserId,
            Detail = kind switch
            {
                CustomerEventKind.StatusChanged => nameof(CustomerStatus.ValidLead),
                CustomerEventKind.FlowedBack => "30",
                CustomerEventKind.OpportunityAdded => "Line 3 retrofit",
                CustomerEventKind.OpportunityStageChanged => "Line 3 retrofit: Discovery → Proposal",
                CustomerEventKind.NextActionSet => "Call the plant director (2026-11-30)",
                _ => null,
            },
        });
        await db.SaveChangesAsync();
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
