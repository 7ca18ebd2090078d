using Microsoft.Playwright;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.TeamBoard;
using SalesCockpit.Features.Teams;

namespace SalesCockpit.Tests.Browser;

/// <summary>
/// The rooms' screens (stand-up, team board, wall display, share-out) are read from across a room or on a projector: each
/// fits one 1920x1080 screen without scrolling, with main text of at least 18 px; the stand-up fits a 1366x768 laptop too.
/// </summary>
/// Their own app, so the demo morning is as seeded (three plans in, three missing) whatever other browser tests submit.
[Collection(RoomScreensSuite.Name)]
public sealed class RoomScreensTests(BrowserFixture browser)
{
    private const double MinimumMainTextPixels = 18;

    // What a person in the room reads: names, the lines of each panel or card, the big numbers' labels.
    private static readonly Dictionary<string, string> MainText = new()
    {
        ["standup"] = "[data-testid=rep-name], .sc-rep-visit-text, .sc-rep-number-label, .sc-rep-empty, .sc-ride-along, .sc-standup-date",
        ["team-board"] = ".sc-board-panel-title, .sc-feed-text, .sc-attainment-name, .sc-board-caption, .sc-matrix-name",
        ["wall-display"] = ".sc-board-panel-title, .sc-feed-text, .sc-attainment-name, .sc-board-caption, .sc-matrix-name",
        ["share-out"] = ".sc-shareout-sub, .sc-shareout-day, .sc-shareout-stat, .sc-share-name, .sc-share-numbers, .sc-share-lesson, .sc-share-line",
    };

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task EveryRoomScreenFitsOneFullHdScreenWithLargeText(string culture)
    {
        var manager = await browser.OpenAsync("manager@demo.local", culture, 1920, 1080);
        await SetCultureAsync(manager, culture);
        var teamId = (await CustomersBrowserTests.ViewerAsync(browser, "manager@demo.local")).PrimaryTeam!.Id;

        await AssertFitsAsync(manager, $"/teams/{teamId}/standup", "standup", $"room-standup-{culture}-1920");
        await AssertFitsAsync(manager, $"/teams/{teamId}/board", "team-board", $"room-board-{culture}-1920");
        await AssertFitsAsync(manager, $"/teams/{teamId}/share-out", "share-out", $"room-share-out-{culture}-1920");
        await AssertFitsAsync(manager, $"/teams/{teamId}/share-out?day={TeamCalendar.FormatDay(await PreviousWorkdayAsync())}", "share-out", $"room-share-out-past-{culture}-1920");

        var tv = await browser.OpenAsync(culture: culture, width: 1920, height: 1080);
        await SetCultureAsync(tv, culture);
        await AssertFitsAsync(tv, await DisplayUrlAsync(teamId), "wall-display", $"room-wall-display-{culture}-1920");
        await tv.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task TheStandUpFitsALaptopScreenWithTheWholeTeam(string culture)
    {
        var manager = await browser.OpenAsync("manager@demo.local", culture, 1366, 768);
        await SetCultureAsync(manager, culture);
        var teamId = (await CustomersBrowserTests.ViewerAsync(browser, "manager@demo.local")).PrimaryTeam!.Id;

        await BrowserFixture.GoToAsync(manager, $"/teams/{teamId}/standup");
        await Assertions.Expect(manager.GetByTestId("rep-card")).ToHaveCountAsync(6);
        await manager.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(manager, $"room-standup-{culture}-1366");
        Assert.True(await FitsVerticallyAsync(manager), await OverflowReportAsync(manager));

        // The other room screens at 1366 are for looking at; only the stand-up is promised to fit a laptop.
        await Shot1366Async(manager, $"/teams/{teamId}/board", "team-board", $"room-board-{culture}-1366");
        await Shot1366Async(manager, $"/teams/{teamId}/share-out", "share-out", $"room-share-out-{culture}-1366");
        var tv = await browser.OpenAsync(culture: culture, width: 1366, height: 768);
        await SetCultureAsync(tv, culture);
        await Shot1366Async(tv, await DisplayUrlAsync(teamId), "wall-display", $"room-wall-display-{culture}-1366");
        await tv.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task TheStandUpFitsALaptopAndAFullHdScreenWhenEveryRepHasAFullPlan(string culture)
    {
        var teamId = (await CustomersBrowserTests.ViewerAsync(browser, "manager@demo.local")).PrimaryTeam!.Id;
        var planned = await SubmitFullPlansAsync(teamId);
        Assert.True(planned > 3, $"only {planned} reps have a plan");

        foreach (var (width, height) in new[] { (1366, 768), (1920, 1080) })
        {
            var manager = await browser.OpenAsync("manager@demo.local", culture, width, height);
            await SetCultureAsync(manager, culture);
            await BrowserFixture.GoToAsync(manager, $"/teams/{teamId}/standup");
            await Assertions.Expect(manager.GetByTestId("rep-visits")).ToHaveCountAsync(planned);
            await manager.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await BrowserFixture.ScreenshotAsync(manager, $"room-standup-full-{culture}-{width}");
            Assert.True(await FitsVerticallyAsync(manager), $"{width}x{height}: {await OverflowReportAsync(manager)}");
            await manager.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("en-US", 1366, 768)]
    [InlineData("zh-CN", 1366, 768)]
    [InlineData("en-US", 1920, 1080)]
    [InlineData("zh-CN", 1920, 1080)]
    public async Task TheHeroWallAndTheTeamListsKeepNamesAndDaysOnTheirLinesAndEveryColumnInView(string culture, int width, int height)
    {
        var manager = await browser.OpenAsync("manager@demo.local", culture, width, height);
        await SetCultureAsync(manager, culture);
        var teamId = (await CustomersBrowserTests.ViewerAsync(browser, "manager@demo.local")).PrimaryTeam!.Id;

        await BrowserFixture.GoToAsync(manager, $"/teams/{teamId}/heroes/wall");
        await Assertions.Expect(manager.GetByTestId("hero-name").First).ToBeVisibleAsync();
        await manager.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(manager, $"hero-wall-{culture}-{width}");
        var nameLines = await LinesAsync(manager, "[data-testid=hero-name]");
        Assert.NotEmpty(nameLines);
        Assert.All(nameLines, lines => Assert.InRange(lines, 1, 2));
        Assert.False(await manager.EvaluateAsync<bool>(
            """
            () => {
                const foot = document.querySelector('.sc-projector-foot').getBoundingClientRect();
                return [...document.querySelectorAll('[data-testid=hero], [data-testid=wall-ranking]')].map(element => element.getBoundingClientRect())
                    .some(box => box.left < foot.right && foot.left < box.right && box.top < foot.bottom && foot.top < box.bottom);
            }
            """), "the hero wall's footer covers a card or the ranking");

        await BrowserFixture.GoToAsync(manager, $"/teams/{teamId}/coaching");
        await Assertions.Expect(manager.GetByTestId("matrix-row").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(manager, $"coaching-matrix-{culture}-{width}");
        Assert.True(await manager.EvaluateAsync<bool>("() => { const wrap = document.querySelector('.sc-matrix-wrap'); return wrap.scrollWidth <= wrap.clientWidth; }"),
            "the coaching matrix scrolls sideways: its last column is cut off");

        await BrowserFixture.GoToAsync(manager, "/customers/team");
        await Assertions.Expect(manager.GetByTestId("customer-link").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(manager, $"team-customers-{culture}-{width}");
        var ownerLines = await LinesAsync(manager, ".sc-owner-cell");
        Assert.NotEmpty(ownerLines);
        Assert.All(ownerLines, lines => Assert.Equal(1, lines));

        await BrowserFixture.GoToAsync(manager, "/customers/stalled");
        await Assertions.Expect(manager.GetByTestId("stage-since").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(manager, $"stalled-{culture}-{width}");
        var dayLines = await LinesAsync(manager, "[data-testid=stage-since], [data-testid=last-follow-up]");
        Assert.NotEmpty(dayLines);
        Assert.All(dayLines, lines => Assert.Equal(1, lines));
        await manager.Context.CloseAsync();
    }

    /// <summary>How many lines of text each matching element shows.</summary>
    private static Task<int[]> LinesAsync(IPage page, string selector) =>
        page.EvaluateAsync<int[]>(
            """
            selector => [...document.querySelectorAll(selector)].filter(element => element.textContent.trim() !== '').map(element => {
                const range = document.createRange();
                range.selectNodeContents(element);
                return new Set([...range.getClientRects()].filter(box => box.width > 0).map(box => Math.round(box.bottom))).size;
            })
            """,
            selector);

    /// <summary>Every rep of the team without a plan today submits a full one: goals, a stretch, six visits.</summary>
    private async Task<int> SubmitFullPlansAsync(int teamId)
    {
        var team = (await CustomersBrowserTests.ViewerAsync(browser, "manager@demo.local")).PrimaryTeam!;
        var today = TeamCalendar.Today(browser.App.GetService<TimeProvider>(), team.TimeZoneId);
        var plans = browser.App.GetService<MorningPlanService>();
        var planned = 0;
        for (var rep = 1; rep <= 6; rep++)
        {
            var viewer = await CustomersBrowserTests.ViewerAsync(browser, $"rep{rep}@demo.local");
            var mine = await plans.GetMineAsync(viewer, teamId, today);
            if (mine is not { IsSubmitted: true })
            {
                PlannedVisitInput Visit(int hour) => new(null, PlannedVisitKind.Visit, null, $"Prospect {rep}-{hour} Precision Machinery", "Walk the line with the plant manager and agree the pilot scope",
                    new TimeOnly(hour, 0), new TimeOnly(hour, 45), "Pilot scope agreed");
                await plans.SaveAsync(viewer, teamId, today, new PlanInput(
                    "Close the pilot at the harbour plant, and get the budget owner of the second line into the room before Friday.",
                    "Two new valid leads from the industrial park", 6, 8, 2, [.. Enumerable.Range(9, 6).Select(Visit)], [], mine?.Version ?? Guid.Empty), submit: true);
            }

            planned++;
        }

        return planned;
    }

    [Fact]
    public async Task TheShareOutShowsAPastDayFromItsAddressAndRefusesDaysThatAreNotPastOrNotDates()
    {
        var manager = await browser.OpenAsync("manager@demo.local", "en-US", 1920, 1080);
        var teamId = (await CustomersBrowserTests.ViewerAsync(browser, "manager@demo.local")).PrimaryTeam!.Id;
        await BrowserFixture.GoToAsync(manager, $"/teams/{teamId}/share-out");
        var today = await manager.GetByTestId("shareout-day").TextContentAsync();
        await Assertions.Expect(manager.GetByTestId("shareout-next")).ToHaveCountAsync(0);

        await manager.GetByTestId("shareout-previous").ClickAsync();

        await manager.WaitForURLAsync(url => url.Contains("?day=", StringComparison.Ordinal));
        await Assertions.Expect(manager.GetByTestId("shareout-day")).Not.ToHaveTextAsync(today!);
        await Assertions.Expect(manager.GetByTestId("shareout-next")).ToBeVisibleAsync();
        await manager.GetByTestId("shareout-today").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("shareout-day")).ToHaveTextAsync(today!);

        await BrowserFixture.GoToAsync(manager, $"/teams/{teamId}/share-out?day=last-friday");
        await Assertions.Expect(manager.GetByTestId("shareout-day-error")).ToContainTextAsync("\"last-friday\" is not a day");
        await Assertions.Expect(manager.GetByTestId("shareout-day")).ToHaveTextAsync(today!);
        await BrowserFixture.GoToAsync(manager, $"/teams/{teamId}/share-out?day=2999-01-01");
        await Assertions.Expect(manager.GetByTestId("shareout-day-error")).ToContainTextAsync("has not come yet");
        await Assertions.Expect(manager.GetByTestId("shareout-day")).ToHaveTextAsync(today!);

        await SetCultureAsync(manager, "zh-CN");
        await BrowserFixture.GoToAsync(manager, $"/teams/{teamId}/share-out?day=2026-13-40");
        await Assertions.Expect(manager.GetByTestId("shareout-day-error")).ToContainTextAsync("不是有效日期");
        await manager.Context.CloseAsync();
    }

    /// <summary>The last weekday before the East-1 team's today: the demo has its evening reviews.</summary>
    private async Task<DateOnly> PreviousWorkdayAsync()
    {
        var team = (await CustomersBrowserTests.ViewerAsync(browser, "manager@demo.local")).PrimaryTeam!;
        var day = TeamCalendar.Today(browser.App.GetService<TimeProvider>(), team.TimeZoneId).AddDays(-1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    private async Task<string> DisplayUrlAsync(int teamId)
    {
        var manager = await CustomersBrowserTests.ViewerAsync(browser, "manager@demo.local");
        var link = await browser.App.GetService<DisplayLinks>().CreateAsync(manager, teamId, "Room test " + Guid.NewGuid().ToString("N")[..6]);
        return $"/display/{link.Token}";
    }

    private static async Task AssertFitsAsync(IPage page, string path, string screenTestId, string screenshot)
    {
        await BrowserFixture.GoToAsync(page, path);
        await Assertions.Expect(page.GetByTestId(screenTestId)).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator(".mud-skeleton")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, screenshot);

        Assert.True(await FitsVerticallyAsync(page), $"{screenTestId}: {await OverflowReportAsync(page)}");
        var chipsPastTheirPanel = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('.sc-board-panel')].flatMap(panel => {
                const edge = panel.getBoundingClientRect().right;
                return [...panel.querySelectorAll('.mud-chip')].filter(chip => chip.getBoundingClientRect().right > edge + 1)
                    .map(chip => (chip.closest('[data-testid]')?.dataset.testid ?? '') + ': ' + chip.textContent.trim().replace(/\s+/g, ' ') + ' (right ' + Math.round(chip.getBoundingClientRect().right) + ' > ' + Math.round(edge) + ')');
            })
            """);
        Assert.True(chipsPastTheirPanel.Length == 0, $"{screenTestId}: chips cut off at their panel's edge: {string.Join("; ", chipsPastTheirPanel)}");
        var sizes = await page.EvaluateAsync<FontSample[]>(
            """
            selector => [...document.querySelectorAll(selector)]
                .filter(element => element.offsetParent !== null && element.textContent.trim() !== '')
                .map(element => ({ Text: element.textContent.trim().slice(0, 40), Pixels: parseFloat(getComputedStyle(element).fontSize) }))
            """,
            MainText[screenTestId]);
        Assert.NotEmpty(sizes);
        var small = sizes.Where(sample => sample.Pixels < MinimumMainTextPixels).Select(sample => $"{sample.Text} ({sample.Pixels}px)").ToList();
        Assert.True(small.Count == 0, $"{screenTestId}: main text under {MinimumMainTextPixels}px: {string.Join("; ", small.Take(8))}");
    }

    private static async Task Shot1366Async(IPage page, string path, string screenTestId, string screenshot)
    {
        await BrowserFixture.GoToAsync(page, path);
        await Assertions.Expect(page.GetByTestId(screenTestId)).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(page, screenshot);
    }

    private static Task<bool> FitsVerticallyAsync(IPage page) =>
        page.EvaluateAsync<bool>("document.documentElement.scrollHeight <= window.innerHeight");

    private static Task<string> OverflowReportAsync(IPage page) =>
        page.EvaluateAsync<string>("`scrollHeight ${document.documentElement.scrollHeight} > innerHeight ${window.innerHeight}`");

    private static async Task SetCultureAsync(IPage page, string culture) =>
        await page.GotoAsync($"/culture?name={culture}&returnUrl=/");

    private sealed class FontSample
    {
        public string Text { get; set; } = "";

        public double Pixels { get; set; }
    }
}

[CollectionDefinition(Name)]
public sealed class RoomScreensSuite : ICollectionFixture<BrowserFixture>
{
    public const string Name = "room screens";
}
