using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Tests.Browser;

/// <summary>The ride-along and ladder screens with the demo data, in both languages and on both screen sizes.</summary>
[Collection(BrowserSuite.Name)]
public class CoachingScreensTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en-US", 1366, 768)]
    [InlineData("zh-CN", 1920, 1080)]
    public async Task TheManagerSeesTodaysRideAlongTheLadderMatrixAndARepsLadder(string culture, int width, int height)
    {
        var page = await browser.OpenAsync("manager@demo.local", culture, width, height);

        await page.GetByTestId("nav-ride-alongs").ClickAsync();
        await Assertions.Expect(page.GetByTestId("upcoming").GetByTestId("ride-along-row").First).ToContainTextAsync(culture == "zh-CN" ? "今天" : "Today");
        await Assertions.Expect(page.GetByTestId("past").GetByTestId("ride-along-row").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"ride-alongs-manager-{culture}-{width}");

        await page.GetByTestId("schedule-ride-along").ClickAsync();
        await Assertions.Expect(page.GetByTestId("schedule-save")).ToBeVisibleAsync();
        await page.GetByTestId("schedule-save").ClickAsync();
        await Assertions.Expect(page.GetByText(culture == "zh-CN" ? "请至少选择一项团队技能。" : "Choose at least one skill of the team.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"schedule-dialog-{culture}-{width}");
        await page.Keyboard.PressAsync("Escape");

        await page.GetByTestId("nav-coaching").ClickAsync();
        // Other tests may add people to East-1: its six demo reps are there at least.
        await Assertions.Expect(page.GetByTestId("matrix-row").Nth(5)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("suggest-up").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"ladder-matrix-{culture}-{width}");

        await page.GetByTestId("matrix-row").Filter(new() { HasText = "Li Na" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("skill-ladder")).ToHaveCountAsync(6);
        await Assertions.Expect(page.GetByTestId("suggestion").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"rep-ladder-{culture}-{width}");

        await BrowserFixture.GoToAsync(page, page.Url.Split("/coaching")[0] + "/coaching/skills");
        await Assertions.Expect(page.GetByTestId("skill-row")).ToHaveCountAsync(6);
        await BrowserFixture.ScreenshotAsync(page, $"team-skills-{culture}-{width}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("zh-CN", 1366, 768)]
    [InlineData("en-US", 1920, 1080)]
    public async Task ARepSeesTheirRideAlongsFeedbackAndOwnLadder(string culture, int width, int height)
    {
        var page = await browser.OpenAsync("rep2@demo.local", culture, width, height);

        await page.GetByTestId("nav-ride-alongs").ClickAsync();
        await Assertions.Expect(page.GetByTestId("past").GetByTestId("ride-along-row").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"ride-alongs-rep-{culture}-{width}");

        await page.GetByTestId("past").GetByTestId("ride-along-row").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("feedback-text")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"ride-along-rep-done-{culture}-{width}");

        await page.GetByTestId("nav-coaching").ClickAsync();
        await Assertions.Expect(page.GetByTestId("skill-ladder")).ToHaveCountAsync(6);
        await Assertions.Expect(page.GetByTestId("move-up")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, $"rep-ladder-own-{culture}-{width}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MovingASkillToTheLastStepWithTheKeyboardKeepsTheFocusOnItsLadder()
    {
        Viewer manager;
        string repId;
        await using (var db = await browser.App.GetService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            manager = (await TeamAccess.LoadViewerAsync(db, await db.Users.Where(user => user.Email == "manager@demo.local").Select(user => user.Id).SingleAsync(), CancellationToken.None))!;
            repId = await db.Users.Where(user => user.Email == "rep3@demo.local").Select(user => user.Id).SingleAsync();
        }

        var teamId = manager.Teams[0].Id;
        var ladders = browser.App.GetService<CoachingLadder>();
        var skills = (await ladders.RepLadderAsync(manager, teamId, repId)).Skills;
        Assert.NotEmpty(skills);
        var skill = skills[^1];
        if (skill.Step != LadderStep.YouDoIWatch)
        {
            await ladders.MoveAsync(manager, teamId, repId, skill.Skill.Id, skill.Step, LadderStep.YouDoIWatch);
        }

        var page = await browser.OpenAsync("manager@demo.local");
        await BrowserFixture.GoToAsync(page, $"/teams/{teamId}/coaching/reps/{repId}");
        var card = page.GetByTestId("skill-ladder").Nth(skills.Count - 1);
        await Assertions.Expect(card.GetByTestId("current-step")).ToHaveAttributeAsync("data-step", "3");

        await card.GetByTestId("move-up").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(card.GetByTestId("current-step")).ToHaveAttributeAsync("data-step", "4");
        await Assertions.Expect(card.GetByTestId("move-up")).ToHaveCountAsync(0);
        await Assertions.Expect(card.GetByTestId("rungs")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(card.GetByTestId("move-back")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(card.GetByTestId("current-step")).ToHaveAttributeAsync("data-step", "3");
        await Assertions.Expect(card.GetByTestId("move-back")).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }
}
