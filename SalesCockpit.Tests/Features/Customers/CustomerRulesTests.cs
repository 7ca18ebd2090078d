using Microsoft.Extensions.Time.Testing;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Teams;

namespace SalesCockpit.Tests.Features.Customers;

public class CustomerNamesTests
{
    [Theory]
    [InlineData("上海星辰科技有限公司", "上海 星辰 科技")]
    [InlineData("上海星辰科技有限公司", "上海星辰科技股份有限公司")]
    [InlineData("上海星辰科技有限公司", "上海星辰科技有限责任公司")]
    [InlineData("上海星辰科技有限公司", "上海星辰科技（有限公司）")]
    [InlineData("ＡＢＣ贸易有限公司", "abc贸易")]
    [InlineData("Acme Trading Co., Ltd.", "ACME  trading")]
    [InlineData("Acme Trading Co., Ltd.", "acme trading limited")]
    [InlineData("Acme Trading Co., Ltd.", "Ａｃｍｅ　Ｔｒａｄｉｎｇ　Ｃｏ．，Ｌｔｄ．")]
    [InlineData("Acme Trading Inc.", "Acme-Trading")]
    public void TheseNamesAreTheSameCustomer(string first, string second) =>
        Assert.Equal(CustomerNames.Normalize(first), CustomerNames.Normalize(second));

    [Theory]
    [InlineData("上海星辰科技有限公司", "北京星辰科技有限公司")]
    [InlineData("Costco", "Cost")]
    [InlineData("Acme Trading", "Acme Tradings")]
    public void TheseNamesAreDifferentCustomers(string first, string second) =>
        Assert.NotEqual(CustomerNames.Normalize(first), CustomerNames.Normalize(second));

    [Fact]
    public void ALegalSuffixAloneIsNotStrippedToNothing()
    {
        Assert.Equal("公司", CustomerNames.Normalize("公司"));
        Assert.Equal("ltd", CustomerNames.Normalize("Ltd."));
    }

    [Theory]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("0086 13800138000", "13800138000")]
    [InlineData("８６１３８００１３８０００", "13800138000")]
    [InlineData("(021) 6888 1234", "02168881234")]
    public void PhonesCompareByTheirDigits(string phone, string expected) =>
        Assert.Equal(expected, CustomerNames.NormalizePhone(phone));

    [Fact]
    public void APhoneTooShortIdentifiesNobody() => Assert.Null(CustomerNames.NormalizePhone("12-3"));
}

public class FlowBackPolicyTests
{
    private const string Shanghai = "Asia/Shanghai";

    // Last follow-up: 10:00 on Monday 2 November 2026 in Shanghai (02:00 UTC).
    private static readonly DateTime LastFollowUp = new(2026, 11, 2, 2, 0, 0, DateTimeKind.Utc);

    private static Customer Held(CustomerLevel level = CustomerLevel.Standard, CustomerStatus status = CustomerStatus.Lead) => new()
    {
        Name = "x",
        NormalizedName = "x",
        OwnerId = "rep",
        Level = level,
        Status = status,
        HoldClockAt = LastFollowUp,
        ProgressClockAt = LastFollowUp,
    };

    [Fact]
    public void FlowsBackAtTheStartOfTheBoundaryDayInTheTeamsZone()
    {
        var settings = new CustomerPoolSettings { HoldDaysStandard = 15 };
        // 23:59:59 on 16 November in Shanghai = 15:59:59 UTC: one day left.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 15, 59, 59, TimeSpan.Zero));
        var policy = new FlowBackPolicy(settings, Shanghai, clock);
        var customer = Held();

        var due = policy.Due(customer)!;
        Assert.Equal(new DateOnly(2026, 11, 17), due.On);
        Assert.Equal(FlowBackReason.NoFollowUp, due.Reason);
        Assert.False(policy.Countdown(due.On)!.IsDue);
        Assert.Equal(1, policy.Countdown(due.On)!.DaysLeft);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(policy.Countdown(due.On)!.IsDue);
        Assert.Equal(0, policy.Countdown(due.On)!.DaysLeft);
    }

    [Fact]
    public void TheBoundaryFollowsTheTeamsZoneNotUtc()
    {
        // 20:00 UTC on 1 November is already 2 November in Shanghai but still 1 November in New York.
        var customer = Held();
        customer.HoldClockAt = new DateTime(2026, 11, 1, 20, 0, 0, DateTimeKind.Utc);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.Zero));
        var settings = new CustomerPoolSettings { HoldDaysStandard = 15, NoProgressDays = 0 };

        Assert.Equal(new DateOnly(2026, 11, 17), new FlowBackPolicy(settings, Shanghai, clock).Due(customer)!.On);
        Assert.Equal(new DateOnly(2026, 11, 16), new FlowBackPolicy(settings, "America/New_York", clock).Due(customer)!.On);
    }

    [Fact]
    public void KeyAccountsAreHeldLongerThanSmallOnes()
    {
        var settings = new CustomerPoolSettings { HoldDaysKey = 30, HoldDaysSmall = 7, NoProgressDays = 0 };
        var policy = new FlowBackPolicy(settings, Shanghai, new FakeTimeProvider());

        Assert.Equal(new DateOnly(2026, 12, 2), policy.Due(Held(CustomerLevel.Key))!.On);
        Assert.Equal(new DateOnly(2026, 11, 9), policy.Due(Held(CustomerLevel.Small))!.On);
    }

    [Fact]
    public void NoProgressFlowsBackEvenWithFollowUps()
    {
        var settings = new CustomerPoolSettings { HoldDaysStandard = 15, NoProgressDays = 20 };
        var customer = Held();
        customer.HoldClockAt = LastFollowUp.AddDays(10);
        var due = new FlowBackPolicy(settings, Shanghai, new FakeTimeProvider()).Due(customer)!;

        Assert.Equal(new DateOnly(2026, 11, 22), due.On);
        Assert.Equal(FlowBackReason.NoProgress, due.Reason);
    }

    [Fact]
    public void WarnsInsideTheWarningPeriodOnly()
    {
        var settings = new CustomerPoolSettings { HoldDaysStandard = 15, WarningDays = 3 };
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 13, 2, 0, 0, TimeSpan.Zero)); // 13 Nov in Shanghai
        var policy = new FlowBackPolicy(settings, Shanghai, clock);
        var on = policy.Due(Held())!.On; // 17 Nov

        Assert.False(policy.Countdown(on)!.IsWarning); // 4 days left
        clock.Advance(TimeSpan.FromDays(1));
        Assert.True(policy.Countdown(on)!.IsWarning); // 3 days left
        Assert.Equal(3, policy.Countdown(on)!.DaysLeft);
    }

    [Theory]
    [InlineData(CustomerStatus.Won, true, false)]
    [InlineData(CustomerStatus.Opportunity, true, false)]
    [InlineData(CustomerStatus.Opportunity, false, true)]
    [InlineData(CustomerStatus.ValidLead, true, true)]
    public void WonCustomersAndExemptOpportunitiesNeverFlowBack(CustomerStatus status, bool opportunitiesExempt, bool flowsBack)
    {
        var settings = new CustomerPoolSettings { OpportunitiesExempt = opportunitiesExempt };
        var due = new FlowBackPolicy(settings, Shanghai, new FakeTimeProvider()).Due(Held(status: status));

        Assert.Equal(flowsBack, due is not null);
    }

    [Fact]
    public void LockedAndUnheldCustomersNeverFlowBack()
    {
        var policy = new FlowBackPolicy(new CustomerPoolSettings(), Shanghai, new FakeTimeProvider());
        var locked = Held();
        locked.IsLocked = true;
        var pool = Held();
        pool.OwnerId = null;

        Assert.Null(policy.Due(locked));
        Assert.Null(policy.Due(pool));
    }
}

public class ClaimPolicyTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero)); // 26 Nov, 09:00 Shanghai

    private static ClaimPolicy Policy(CustomerPoolSettings? settings = null) => new(settings ?? new CustomerPoolSettings(), "Asia/Shanghai", Clock);

    [Fact]
    public void RefusesAtCapacityWithTheCapacity()
    {
        var decision = Policy(new CustomerPoolSettings { PrivatePoolCapacity = 20 }).Decide(new ClaimFacts(20, 0, null));

        Assert.False(decision.Allowed);
        Assert.Equal("Claim_AtCapacity", decision.ReasonKey);
        Assert.Equal([20], decision.Arguments);
        Assert.True(Policy(new CustomerPoolSettings { PrivatePoolCapacity = 20 }).Decide(new ClaimFacts(19, 0, null)).Allowed);
    }

    [Fact]
    public void RefusesBeyondTheDailyClaimLimit()
    {
        var decision = Policy(new CustomerPoolSettings { DailyClaimLimit = 5 }).Decide(new ClaimFacts(0, 5, null));

        Assert.Equal("Claim_DailyLimit", decision.ReasonKey);
    }

    [Fact]
    public void CoolDownEndsOnTheDayItSays()
    {
        var settings = new CustomerPoolSettings { ReclaimCooldownDays = 30 };
        var refused = Policy(settings).Decide(new ClaimFacts(0, 0, TeamCalendar.Today(Clock, "Asia/Shanghai").AddDays(-29)));
        var allowed = Policy(settings).Decide(new ClaimFacts(0, 0, TeamCalendar.Today(Clock, "Asia/Shanghai").AddDays(-30)));

        Assert.Equal("Claim_CoolDown", refused.ReasonKey);
        Assert.Equal(new DateOnly(2026, 11, 27), refused.Arguments[0]);
        Assert.True(allowed.Allowed);
    }
}

public class ChecklistAndPersonaTests
{
    [Fact]
    public void ShowsWhatIsMissingForAValidLead()
    {
        var criteria = new CustomerPoolSettings().ValidLeadCriteria;

        var missing = ValidLeadChecklist.Missing(criteria, [CustomerPoolSettings.NeedConfirmedCriterion], hasDecisionMaker: false);

        Assert.Equal([CustomerPoolSettings.DecisionMakerCriterion, CustomerPoolSettings.BudgetKnownCriterion], missing);
        Assert.Empty(ValidLeadChecklist.Missing(criteria, [CustomerPoolSettings.NeedConfirmedCriterion, CustomerPoolSettings.BudgetKnownCriterion], hasDecisionMaker: true));
    }

    [Fact]
    public void FitCountsOnlyTheDimensionsTheManagerSet()
    {
        var settings = new CustomerPoolSettings { PersonaIndustries = [Industry.Manufacturing], PersonaSizeBands = [SizeBand.Medium] };

        Assert.Equal(PersonaFit.Strong, PersonaMatch.Fit(settings, Industry.Manufacturing, SizeBand.Medium, DevelopmentStage.Startup));
        Assert.Equal(PersonaFit.Partial, PersonaMatch.Fit(settings, Industry.Manufacturing, SizeBand.Large, DevelopmentStage.Startup));
        Assert.Equal(PersonaFit.Weak, PersonaMatch.Fit(settings, Industry.Retail, SizeBand.Large, DevelopmentStage.Startup));
        Assert.Equal(PersonaFit.Unknown, PersonaMatch.Fit(new CustomerPoolSettings(), Industry.Retail, SizeBand.Large, DevelopmentStage.Startup));
    }

    [Fact]
    public void AnOpportunityStallsAfterTheTeamsDaysWithoutFollowUpOrStageChange()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero)); // 26 Nov Shanghai
        var rule = new StalledOpportunityRule(14, "Asia/Shanghai", clock);
        var created = new DateTime(2026, 10, 1, 2, 0, 0, DateTimeKind.Utc);
        var thirteenDaysAgo = new DateTime(2026, 11, 13, 2, 0, 0, DateTimeKind.Utc);
        var fourteenDaysAgo = new DateTime(2026, 11, 12, 2, 0, 0, DateTimeKind.Utc);

        Assert.False(rule.IsStalled(thirteenDaysAgo, thirteenDaysAgo, created));
        Assert.True(rule.IsStalled(fourteenDaysAgo, thirteenDaysAgo, created));
        Assert.True(rule.IsStalled(thirteenDaysAgo, fourteenDaysAgo, created));
        Assert.True(rule.IsStalled(thirteenDaysAgo, null, created));
    }
}
