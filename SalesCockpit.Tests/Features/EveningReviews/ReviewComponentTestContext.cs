using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.EveningReviews;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Tests.Features.MorningPlans;

namespace SalesCockpit.Tests.Features.EveningReviews;

/// <summary>Component tests of the evening screens: the plan context plus the review feature and what it reads from Customers.</summary>
public abstract class ReviewComponentTestContext : PlanComponentTestContext
{
    protected ReviewComponentTestContext()
    {
        Services.AddSingleton<CustomerOutcomes>();
        Services.AddEveningReviews();
    }

    protected EveningReviewService Reviews => Services.GetRequiredService<EveningReviewService>();

    protected JudgmentService Judgments => Services.GetRequiredService<JudgmentService>();

    protected Task<Opportunity> OpportunityAsync(Customer customer, string title = "Annual subscription") =>
        ReviewTestData.OpportunityAsync(Database, Clock, customer, title);
}

/// <summary>Rows the evening feature builds on, written straight to the database.</summary>
public static class ReviewTestData
{
    /// <summary>An open opportunity in negotiation for 40 days, its expected close a week past: a stalled deal.</summary>
    public static async Task<Opportunity> OpportunityAsync(IDbContextFactory<AppDbContext> database, TimeProvider clock, Customer customer, string title = "Annual subscription")
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await database.CreateDbContextAsync();
        var opportunity = new Opportunity
        {
            CustomerId = customer.Id, TeamId = customer.TeamId, Title = title, AmountCents = 12_000_000, Stage = OpportunityStage.Negotiation,
            ExpectedCloseOn = DateOnly.FromDateTime(now).AddDays(-7), StageChangedAt = now.AddDays(-40), CreatedAt = now.AddDays(-60),
        };
        db.Add(opportunity);
        await db.SaveChangesAsync();
        return opportunity;
    }

    /// <summary>A follow-up as the log records it, including the customer's last-follow-up time.</summary>
    public static async Task FollowUpAsync(IDbContextFactory<AppDbContext> database, Customer customer, Viewer author, DateTime occurredAt, string content = "Met them.")
    {
        await using var db = await database.CreateDbContextAsync();
        db.Add(new FollowUp
        {
            CustomerId = customer.Id, TeamId = customer.TeamId, AuthorId = author.UserId, OccurredAt = occurredAt, Kind = FollowUpKind.Visit, Content = content, CreatedAt = occurredAt,
        });
        var held = await db.Set<Customer>().SingleAsync(candidate => candidate.Id == customer.Id);
        held.LastFollowUpAt = held.LastFollowUpAt is { } last && last > occurredAt ? last : occurredAt;
        await db.SaveChangesAsync();
    }

    public static JudgmentInput Judgment(string? action = "Meet the CFO with a phased price", DateOnly? on = null) =>
        new(JudgmentAnswer.Yes, null, JudgmentAnswer.No, "Only met IT", JudgmentAnswer.Unknown, null, JudgmentAnswer.No, null, null, action, on ?? PlanTestContext.Thursday.AddDays(2), Guid.Empty);
}
