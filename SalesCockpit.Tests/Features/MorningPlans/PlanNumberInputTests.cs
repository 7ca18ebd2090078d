using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.MorningPlans.Components;
using SalesCockpit.Features.MorningPlans.Pages;

namespace SalesCockpit.Tests.Features.MorningPlans;

/// <summary>Issue 22: the morning plan's numbers and the team's expectations never store a number nobody typed.</summary>
public class PlanNumberInputTests : PlanComponentTestContext
{
    [Theory]
    [InlineData("en-US", "abc", "Not a valid number.")]
    [InlineData("en-US", "2.5", "Enter a whole number.")]
    [InlineData("en-US", "99999999999", "This number is too large.")]
    [InlineData("en-US", "-1", "Enter a whole number from 0 to")]
    [InlineData("zh-CN", "abc", "不是有效的数字。")]
    public async Task AnUnreadableCommittedNumberIsRefusedBesideTheFieldAndTheSavedPlanStays(string culture, string typed, string message)
    {
        UseCulture(culture);
        var east = await Data.TeamAsync();
        var rep = await Data.RepAsync(east);
        await Plans.SaveAsync(rep, east.Id, Thursday, PlanTestContext.Input(), submit: true);
        SignInAs(rep);
        var page = RenderWithProviders<PlanPage>();
        page.WaitForElement("input[data-testid=plan-visits]");
        // The submitted plan loads after the first render; change the field once its actions are there.
        page.WaitForElement("[data-testid=plan-save-changes]");

        page.Find("input[data-testid=plan-visits]").Change(typed);
        await page.WaitForElement("[data-testid=plan-save-changes]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains(message, page.Find(".sc-plan-numbers").TextContent));
        await using var db = await Database.CreateDbContextAsync();
        Assert.Equal(3, (await db.Set<MorningPlan>().SingleAsync()).CommittedVisits);
        Assert.Empty(Snackbars.FindAll(".mud-snackbar"));
    }

    [Fact]
    public async Task AFullWidthDigitFromAChineseKeyboardIsReadAsTheDigit()
    {
        var east = await Data.TeamAsync();
        var rep = await Data.RepAsync(east);
        await Plans.SaveAsync(rep, east.Id, Thursday, PlanTestContext.Input(), submit: true);
        SignInAs(rep);
        var page = RenderWithProviders<PlanPage>();
        page.WaitForElement("input[data-testid=plan-visits]");
        // The submitted plan loads after the first render; change the field once its actions are there.
        page.WaitForElement("[data-testid=plan-save-changes]");

        page.Find("input[data-testid=plan-visits]").Change("７");
        await page.WaitForElement("[data-testid=plan-save-changes]").ClickAsync(new());

        await using var db = await Database.CreateDbContextAsync();
        Assert.Equal(7, (await db.Set<MorningPlan>().SingleAsync()).CommittedVisits);
    }

    [Theory]
    [InlineData("en-US", "abc", "Not a valid number.")]
    [InlineData("zh-CN", "abc", "不是有效的数字。")]
    [InlineData("en-US", "2.5", "Enter a whole number.")]
    public async Task TheTeamsExpectationsRefuseAnUnreadableNumber(string culture, string typed, string message)
    {
        UseCulture(culture);
        var east = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(east);
        var settings = Services.GetRequiredService<PlanSettingsService>();
        var before = await settings.GetAsync(manager, east.Id);
        SignInAs(manager);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<PlanSettingsDialog>("", new DialogParameters<PlanSettingsDialog>
        {
            { d => d.Viewer, manager }, { d => d.TeamId, east.Id },
        }));
        dialogs.WaitForElement("input[data-testid=settings-visits]");

        dialogs.Find("input[data-testid=settings-visits]").Change(typed);
        await dialogs.Find("[data-testid=settings-save]").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Contains(message, dialogs.Markup));
        Assert.NotEmpty(dialogs.FindAll("[data-testid=settings-save]"));
        Assert.Equal(before.ExpectedVisits, (await settings.GetAsync(manager, east.Id)).ExpectedVisits);
    }
}
