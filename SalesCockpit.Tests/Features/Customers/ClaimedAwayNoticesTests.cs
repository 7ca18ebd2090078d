using SalesCockpit.Features.Customers;

namespace SalesCockpit.Tests.Features.Customers;

public sealed class ClaimedAwayNoticesTests
{
    [Fact]
    public void ARowAColleagueTookFromTheScreenIsToldOnceByTheNextLoad()
    {
        var notices = new ClaimedAwayNotices();
        Assert.Empty(notices.Loaded(notices.LoadStarting(), [Row(1, "Acme"), Row(2, "Beta")]));

        notices.ChangedByColleague(1);
        var gone = notices.Loaded(notices.LoadStarting(), [Row(2, "Beta")]);

        Assert.Equal(["Acme"], gone);
        notices.ChangedByColleague(1);
        Assert.Empty(notices.Loaded(notices.LoadStarting(), [Row(2, "Beta")]));
    }

    [Fact]
    public void ALoadThatStartedBeforeTheChangeDecidesNothing()
    {
        var notices = new ClaimedAwayNotices();
        notices.Loaded(notices.LoadStarting(), [Row(1, "Acme")]);
        var early = notices.LoadStarting();

        notices.ChangedByColleague(1);

        Assert.Empty(notices.Loaded(early, [Row(1, "Acme")]));
        Assert.Equal(["Acme"], notices.Loaded(notices.LoadStarting(), []));
    }

    [Fact]
    public void AViewerToldByTheirOwnClaimIsNotToldTwiceAndAChangeOffScreenIsNotNews()
    {
        var notices = new ClaimedAwayNotices();
        notices.Loaded(notices.LoadStarting(), [Row(1, "Acme")]);

        notices.Told(1);
        notices.ChangedByColleague(1);
        notices.ChangedByColleague(7);

        Assert.Empty(notices.Loaded(notices.LoadStarting(), []));
    }

    private static CustomerRow Row(int id, string name) => new(
        id, name, null, null, Industry.Manufacturing, SizeBand.Medium, DevelopmentStage.Growth, CustomerStatus.Lead, CustomerLevel.Standard, null, null, false, null, PersonaFit.Strong, null, null);
}
