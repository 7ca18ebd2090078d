using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MiniExcelLibs;
using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.RideAlongs;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Tests.Browser;

/// <summary>
/// A review tour of every page the first-week change touched, at 1920x1080, 1366x768 and 390x844, in zh-CN and en-US,
/// plus a live update caused by a user of the other language. Pictures and a findings file (report.jsonl: sideways scroll,
/// clipped text, raw resource keys, 12-hour times, dollar signs, visible errors, console errors) go to artifacts/review.
/// </summary>
[Collection(BrowserSuite.Name)]
[Trait("Category", BrowserFixture.ScreenshotTour)]
public sealed partial class ChangedPagesTour(BrowserFixture fixture)
{
    private static readonly string[] Cultures = ["zh-CN", "en-US"];
    private static readonly (int Width, int Height)[] Sizes = [(1920, 1080), (1366, 768), (390, 844)];

    private static readonly string OutputDirectory = Environment.GetEnvironmentVariable("SALESCOCKPIT_REVIEW")
        ?? Path.Combine(RepositoryRoot(), "artifacts", "review");

    private static readonly string ReportPath = Path.Combine(OutputDirectory, "report.jsonl");
    private readonly List<string> consoleErrors = [];

    // Collected once per page: what a person would see as wrong, measured rather than guessed.
    private const string Inspect = """
        (culture) => {
          const vw = window.innerWidth;
          const de = document.documentElement;
          const shown = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
            return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && s.opacity !== '0'; };
          const ownText = el => [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
          const name = el => (el.getAttribute('data-testid') ? '[' + el.getAttribute('data-testid') + '] ' : '') + el.tagName.toLowerCase()
            + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).slice(0, 3).join('.') : '')
            + ' "' + (el.innerText || '').trim().replace(/\s+/g, ' ').slice(0, 50) + '"';
          const out = { scrollWidth: de.scrollWidth, innerWidth: vw, lang: de.lang, sticksOut: [], clipped: [], scrollers: [], errors: [],
                        rawKeys: [], twelveHour: [], money: [], asciiChrome: [], cjkChrome: [], loading: 0 };
          for (const el of document.body.querySelectorAll('*')) {
            if (!shown(el)) continue;
            const r = el.getBoundingClientRect();
            const s = getComputedStyle(el);
            const p = el.parentElement;
            if (r.right > vw + 1 && s.position !== 'fixed' && (!p || p.getBoundingClientRect().right <= vw + 1) && out.sticksOut.length < 12)
              out.sticksOut.push(name(el) + ' right=' + Math.round(r.right));
            const text = ownText(el);
            if (text && ((s.overflowX !== 'visible' && s.overflowX !== 'auto' && s.overflowX !== 'scroll') || s.textOverflow === 'ellipsis') && el.scrollWidth > el.clientWidth + 1 && out.clipped.length < 15)
              out.clipped.push('x ' + name(el));
            if (text && s.overflowY === 'hidden' && el.scrollHeight > el.clientHeight + 2 && out.clipped.length < 15)
              out.clipped.push('y ' + name(el));
            if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1 && out.scrollers.length < 8)
              out.scrollers.push(name(el) + ' ' + el.scrollWidth + '>' + el.clientWidth);
          }
          for (const el of document.querySelectorAll('.mud-input-error, .mud-input-helper-text.mud-input-error, .mud-alert-text-error, .mud-alert-filled-error, .mud-alert-outlined-error, .validation-message, [data-testid=error-boundary], #blazor-error-ui, .mud-snackbar'))
            if (shown(el)) out.errors.push(name(el));
          out.loading = [...document.querySelectorAll('.mud-progress-linear.mud-progress-indeterminate, .mud-skeleton')].filter(shown).length;
          const body = document.body.innerText;
          out.rawKeys = [...new Set(body.match(/\b[A-Z][A-Za-z]+_[A-Za-z0-9_]+\b|\{\d\}/g) || [])].slice(0, 10);
          out.twelveHour = [...new Set(body.match(/\b\d{1,2}:\d{2}\s?(AM|PM|am|pm)\b|(上午|下午)\s?\d{1,2}:\d{2}/g) || [])].slice(0, 10);
          out.money = [...new Set(body.match(/(US\$|CN¥|\$|￥|€|HK\$)\s?[\d,.]+/g) || [])].slice(0, 10);
          const chrome = 'h1,h2,h3,h4,h5,h6,th,button,label,legend,.mud-input-label,.mud-tab,.mud-chip-content,.mud-alert-message,.mud-nav-link-text,.mud-input-helper-text,.mud-typography-caption,.mud-typography-overline,.mud-typography-body2.mud-text-secondary,[role=menuitem],.mud-list-item-text';
          for (const el of document.querySelectorAll(chrome)) {
            if (!shown(el)) continue;
            const t = (el.innerText || '').trim().replace(/\s+/g, ' ');
            if (!t || t.length > 80) continue;
            if (culture === 'zh-CN' && /[A-Za-z]{3,}/.test(t) && !/[\u3400-\u9fff]/.test(t) && out.asciiChrome.length < 25 && !out.asciiChrome.includes(t)) out.asciiChrome.push(t);
            if (culture === 'en-US' && /[\u3400-\u9fff]/.test(t) && !/[A-Za-z]{3,}/.test(t) && out.cjkChrome.length < 25 && !out.cjkChrome.includes(t)) out.cjkChrome.push(t);
          }
          return JSON.stringify(out);
        }
        """;

    [Fact]
    public async Task TakeScreenshotsOfTheChangedPages()
    {
        Directory.CreateDirectory(OutputDirectory);
        File.Delete(ReportPath);
        var managerViewer = await CustomersBrowserTests.ViewerAsync(fixture, "manager@demo.local");
        var rep1 = await CustomersBrowserTests.ViewerAsync(fixture, "rep1@demo.local");
        var teamId = managerViewer.PrimaryTeam!.Id;
        var today = TeamCalendar.Today(TimeProvider.System, managerViewer.PrimaryTeam!.TimeZoneId);
        var pastDay = today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await CustomersBrowserTests.PoolCustomerAsync(fixture, "瑞丰融资租赁（苏州）有限公司");
        var rideAlongId = await ScheduleRideAlongAsync(managerViewer, rep1, teamId);
        var moneyCustomer = await CustomerWithMoneyAsync(rep1);
        var workbook = ImportWorkbook();
        string? displayUrl = null;

        // SALESCOCKPIT_REVIEW_ONLY=live skips the page tour and runs only the two live updates.
        var only = Environment.GetEnvironmentVariable("SALESCOCKPIT_REVIEW_ONLY");
        foreach (var culture in only == "live" ? [] : Cultures)
        {
            foreach (var (width, height) in Sizes)
            {
                var suffix = $"{culture}-{width}";

                var manager = await OpenAsync("manager@demo.local", culture, width, height);
                await ShotAsync(manager, $"/teams/{teamId}/standup", "standup", $"standup-manager-{suffix}", culture);
                await ShotAsync(manager, $"/teams/{teamId}/board", "team-board", $"board-manager-{suffix}", culture);
                await manager.GetByTestId("display-links").ClickAsync();
                if (displayUrl is null)
                {
                    await manager.GetByTestId("display-label").FillAsync("会议室电视 Meeting room TV");
                    await manager.GetByTestId("display-create").ClickAsync();
                    displayUrl = await manager.GetByTestId("display-url").InputValueAsync();
                }
                else
                {
                    await manager.GetByTestId("display-revoke").First.WaitForAsync();
                }

                await CaptureAsync(manager, $"board-display-links-{suffix}", culture);
                await ShotAsync(manager, $"/teams/{teamId}/share-out", "share-out", $"shareout-today-{suffix}", culture);
                await ShotAsync(manager, $"/teams/{teamId}/share-out?day={pastDay}", "share-out", $"shareout-past-{suffix}", culture);
                await ShotAsync(manager, $"/teams/{teamId}/ride-alongs", "ride-along-row", $"ridealongs-manager-{suffix}", culture);
                var pastRideAlong = await manager.GetByTestId("past").GetByTestId("ride-along-row").First.GetAttributeAsync("href");
                await ShotAsync(manager, $"/ride-alongs/{rideAlongId}", "ride-along", $"ridealong-manager-{suffix}", culture, notebook: true);
                await ShotAsync(manager, pastRideAlong!, "ride-along", $"ridealong-past-manager-{suffix}", culture);
                await ShotAsync(manager, $"/teams/{teamId}/coaching", "ladder-matrix", $"coaching-matrix-{suffix}", culture);
                var ladder = await manager.GetByTestId("matrix-row").Filter(new() { HasText = "Li Na" }).GetByRole(AriaRole.Link).First.GetAttributeAsync("href");
                await ShotAsync(manager, ladder!, "skill-ladder", $"ladder-manager-{suffix}", culture);
                await ShotAsync(manager, "/customers/team", "follow-up-export", $"customers-team-manager-{suffix}", culture);
                await manager.GetByTestId("follow-up-export").ScrollIntoViewIfNeededAsync();
                await CaptureAsync(manager, $"customers-team-export-manager-{suffix}", culture);
                await ShotAsync(manager, "/customers/stalled", "page-title", $"stalled-manager-{suffix}", culture);
                await ShotAsync(manager, $"/teams/{teamId}/targets", "targets-title", $"targets-manager-{suffix}", culture);
                await ShotAsync(manager, $"/teams/{teamId}/targets/set", "sheet-row", $"set-targets-{suffix}", culture);
                await manager.Locator("[data-testid=sheet-Visits] input, input[data-testid=sheet-Visits]").First.FillAsync("abc");
                await manager.Keyboard.PressAsync("Tab");
                await manager.Locator(".mud-input-error").First.WaitForAsync();
                await CaptureAsync(manager, $"set-targets-abc-{suffix}", culture);
                await manager.GetByTestId("save-targets").ClickAsync();
                await SettleAsync(manager);
                await CaptureAsync(manager, $"set-targets-abc-saved-{suffix}", culture);
                await manager.Context.CloseAsync();

                var tv = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseAddress.ToString(), Locale = culture, ViewportSize = new() { Width = width, Height = height } });
                var wall = await tv.NewPageAsync();
                Watch(wall);
                await wall.GotoAsync(displayUrl);
                await BrowserFixture.WaitForCircuitAsync(wall);
                await wall.GetByTestId("wall-display").WaitForAsync();
                await CaptureAsync(wall, $"wall-display-{suffix}", culture);
                await tv.CloseAsync();

                var rep = await OpenAsync("rep1@demo.local", culture, width, height);
                await ShotAsync(rep, "/plan", "plan-title", $"plan-rep-{suffix}", culture);
                await ShotAsync(rep, "/plan?day=not-a-date", "plan-day-unavailable", $"plan-bad-day-rep-{suffix}", culture);
                await ShotAsync(rep, "/customers", "customer-grid", $"customers-mine-rep-{suffix}", culture);
                await ShotAsync(rep, "/customers/pool", "customer-grid", $"customers-pool-rep-{suffix}", culture);
                await ShotAsync(rep, $"/customers/{moneyCustomer}", "opportunities", $"customer-money-rep-{suffix}", culture);
                await rep.GetByTestId("opportunities").ScrollIntoViewIfNeededAsync();
                await CaptureAsync(rep, $"customer-money-opps-rep-{suffix}", culture);
                await ShotAsync(rep, "/customers/new", "customer-form", $"customer-new-empty-{suffix}", culture);
                await FieldAsync(rep, "field-name").FillAsync("苏州瑞丰");
                await FieldAsync(rep, "field-phone").FocusAsync();
                await rep.GetByTestId("near-matches").WaitForAsync();
                await CaptureAsync(rep, $"customer-new-near-{suffix}", culture);
                await FieldAsync(rep, "field-name").FillAsync("瑞丰融资租赁（苏州）有限公司");
                await FieldAsync(rep, "field-phone").FocusAsync();
                await rep.Locator("[data-testid=duplicate], [data-testid=near-matches]").First.WaitForAsync();
                await CaptureAsync(rep, $"customer-new-full-name-{suffix}", culture);
                await ShotAsync(rep, "/customers/import", "import-file", $"import-{suffix}", culture);
                await rep.Locator("input[type=file]").SetInputFilesAsync(workbook);
                await rep.GetByTestId("import-preview").WaitForAsync();
                await CaptureAsync(rep, $"import-preview-xlsx-{suffix}", culture);
                await ShotAsync(rep, $"/teams/{teamId}/ride-alongs", "ride-alongs-title", $"ridealongs-rep-{suffix}", culture);
                await ShotAsync(rep, $"/ride-alongs/{rideAlongId}", "ride-along", $"ridealong-rep-{suffix}", culture, notebook: true);
                await ShotAsync(rep, $"/teams/{teamId}/coaching", "skill-ladder", $"ladder-rep-{suffix}", culture);
                await ShotAsync(rep, $"/teams/{teamId}/targets", "targets-title", $"targets-rep-{suffix}", culture);
                await ShotAsync(rep, $"/teams/{teamId}/standup", "not-found", $"standup-rep-{suffix}", culture);
                await rep.Context.CloseAsync();

                var admin = await OpenAsync("admin@demo.local", culture, width, height);
                await ShotAsync(admin, "/admin/teams", "team-currency-cell", $"admin-teams-{suffix}", culture);
                await admin.GetByTestId("teams-table").Locator("tbody tr").First.Locator("button").Last.ClickAsync();
                await admin.Locator(".mud-dialog").WaitForAsync();
                await CaptureAsync(admin, $"admin-team-dialog-{suffix}", culture);
                await admin.Keyboard.PressAsync("Escape");
                await PeopleImportAsync(admin, suffix, culture, width, height);
                await admin.Context.CloseAsync();
            }
        }

        var failures = new List<string>();
        foreach (var (managerCulture, repEmail, repCulture) in new[] { ("zh-CN", "rep1@demo.local", "en-US"), ("en-US", "rep6@demo.local", "zh-CN") })
        {
            try
            {
                await LiveAsync(managerCulture, repEmail, repCulture, teamId);
            }
            catch (PlaywrightException exception)
            {
                failures.Add($"{managerCulture} manager, {repCulture} rep: {exception.Message}");
                await File.AppendAllLinesAsync(ReportPath, [JsonSerializer.Serialize(new { name = $"live-{managerCulture}-failed", error = exception.Message })]);
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>A manager of one language watches the stand-up and the board while a rep of the other language submits a plan and claims a pool customer.</summary>
    private async Task LiveAsync(string managerCulture, string repEmail, string repCulture, int teamId)
    {
        var repViewer = await CustomersBrowserTests.ViewerAsync(fixture, repEmail);
        var latin = repViewer.DisplayName.Split(' ')[0] + " " + repViewer.DisplayName.Split(' ')[1];
        var customer = $"Live 实时 {Guid.NewGuid():N}"[..20];
        await CustomersBrowserTests.PoolCustomerAsync(fixture, customer);
        var tag = $"live-{managerCulture}-manager-{repCulture}-rep";
        var findings = new Dictionary<string, object?> { ["name"] = tag };

        var standup = await OpenAsync("manager@demo.local", managerCulture, 1920, 1080);
        await BrowserFixture.GoToAsync(standup, $"/teams/{teamId}/standup");
        var card = standup.GetByTestId("rep-card").Filter(new() { HasText = latin });
        await card.WaitForAsync();
        findings["cardBefore"] = await card.GetAttributeAsync("data-state");
        var board = await standup.Context.NewPageAsync();
        Watch(board);
        await BrowserFixture.GoToAsync(board, $"/teams/{teamId}/board");
        var boardRow = board.GetByTestId("plan-row").Filter(new() { HasText = latin });
        await board.GetByTestId("team-board").WaitForAsync();

        var rep = await OpenAsync(repEmail, repCulture, 1366, 768);
        await BrowserFixture.GoToAsync(rep, "/plan");
        await rep.GetByTestId("plan-goals").FillAsync(repCulture == "zh-CN" ? "上午两个拜访，下午确认预算" : "Two visits this morning; confirm the budget.");
        await rep.GetByTestId("plan-submit").ClickAsync();
        await Assertions.Expect(rep.GetByTestId("plan-status")).ToHaveAttributeAsync("data-state", new Regex("^submitted(-late)?$"));
        await BrowserFixture.GoToAsync(rep, "/customers/pool");
        await FieldAsync(rep, "customer-search").FillAsync(customer);
        await rep.Locator("tr", new() { Has = rep.GetByTestId("customer-link").Filter(new() { HasText = customer }) }).GetByTestId("claim").ClickAsync();
        await Assertions.Expect(rep.GetByTestId("customer-link").Filter(new() { HasText = customer })).ToHaveCountAsync(0);

        // Wait on what the update changes, not on the clock.
        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", new Regex("^submitted(-late)?$"));
        await Assertions.Expect(card.GetByTestId("plan-status")).ToContainTextAsync(new Regex(@"\d:\d{2}"));
        var claimed = board.GetByTestId("activity-item").Filter(new() { HasText = customer }).Filter(new() { HasText = latin });
        await Assertions.Expect(claimed).ToBeVisibleAsync();
        await Assertions.Expect(boardRow.First).ToBeVisibleAsync();

        findings["cardStatus"] = await card.GetByTestId("plan-status").InnerTextAsync();
        findings["cardText"] = (await card.InnerTextAsync()).Replace('\n', ' ');
        findings["boardRow"] = (await boardRow.First.InnerTextAsync()).Replace('\n', ' ');
        findings["boardActivity"] = (await claimed.InnerTextAsync()).Replace('\n', ' ');
        await card.ScrollIntoViewIfNeededAsync();
        await CaptureAsync(standup, $"{tag}-standup", managerCulture);
        await claimed.ScrollIntoViewIfNeededAsync();
        await CaptureAsync(board, $"{tag}-board-activity", managerCulture);
        await boardRow.First.ScrollIntoViewIfNeededAsync();
        await CaptureAsync(board, $"{tag}-board-plans", managerCulture);
        await File.AppendAllLinesAsync(ReportPath, [JsonSerializer.Serialize(findings)]);
        await rep.Context.CloseAsync();
        await standup.Context.CloseAsync();
    }

    /// <summary>The people import as an admin uses it: a file with one bad row, then a good one, the links, and a link opened.</summary>
    private async Task PeopleImportAsync(IPage admin, string suffix, string culture, int width, int height)
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        await ShotAsync(admin, "/admin/people/import", "import-file", $"people-import-{suffix}", culture);
        await PeopleImportBrowserTests.UploadAsync(admin,
            $"姓名,邮箱,角色,团队,经理邮箱\n周岚,zhou.{unique}@example.com,经理,华南一组 {unique},\n吴飞,wu.{unique}@example.com,销售,华南一组 {unique},zhou.{unique}@example.com\n,bad-address,Boss,华南一组 {unique},\n");
        await CaptureAsync(admin, $"people-import-preview-errors-{suffix}", culture);
        await PeopleImportBrowserTests.UploadAsync(admin,
            $"Name,E-mail,Role,Team,Manager\nZhou Lan,zhou.{unique}@example.com,Manager,South-1 {unique},\nWu Fei,wu.{unique}@example.com,Rep,South-1 {unique},zhou.{unique}@example.com\n");
        await CaptureAsync(admin, $"people-import-preview-{suffix}", culture);
        await admin.GetByTestId("import-confirm").ClickAsync();
        await admin.GetByTestId("import-result").WaitForAsync();
        await CaptureAsync(admin, $"people-import-result-{suffix}", culture);
        var link = await admin.GetByTestId("set-password-link").First.InputValueAsync();

        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseAddress.ToString(), Locale = culture, ViewportSize = new() { Width = width, Height = height } });
        var newcomer = await context.NewPageAsync();
        await newcomer.GotoAsync($"/culture?name={culture}&returnUrl=/account/login");
        await newcomer.GotoAsync(link);
        await newcomer.GetByTestId("set-password-for").WaitForAsync();
        await CaptureAsync(newcomer, $"set-password-{suffix}", culture);
        await newcomer.FillAsync("#new", "short");
        await newcomer.FillAsync("#confirm", "other");
        await newcomer.GetByTestId("set-password").ClickAsync();
        await newcomer.Locator(".sc-field-error, .validation-message, [role=alert]").First.WaitForAsync();
        await CaptureAsync(newcomer, $"set-password-errors-{suffix}", culture);
        await context.CloseAsync();
    }

    private async Task<IPage> OpenAsync(string email, string culture, int width, int height)
    {
        var page = await fixture.OpenAsync(email, culture, width, height);
        Watch(page);
        return page;
    }

    private void Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text.Length > 200 ? message.Text[..200] : message.Text);
            }
        };
        page.PageError += (_, error) => consoleErrors.Add("pageerror: " + (error.Length > 200 ? error[..200] : error));
    }

    private static ILocator FieldAsync(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]").First;

    private async Task ShotAsync(IPage page, string path, string readyTestId, string name, string culture, bool notebook = false)
    {
        consoleErrors.Clear();
        await BrowserFixture.GoToAsync(page, path);
        await page.GetByTestId(readyTestId).First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        if (notebook)
        {
            await page.Locator("[data-notebook=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        }

        await SettleAsync(page);
        await CaptureAsync(page, name, culture);
    }

    /// <summary>Waits until nothing is loading or moving: no indeterminate bar or skeleton, fonts loaded, no running finite animation.</summary>
    private static async Task SettleAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "() => document.fonts.status === 'loaded' && ![...document.querySelectorAll('.mud-progress-linear.mud-progress-indeterminate, .mud-skeleton')].some(e => e.getBoundingClientRect().height > 0) && document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)",
                null,
                new() { Timeout = 8_000, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            // Still loading after 8 s: the picture and the report show it.
        }

        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
    }

    private async Task CaptureAsync(IPage page, string name, string culture)
    {
        await SettleAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(OutputDirectory, name + ".png") });
        var viewport = page.ViewportSize!;
        if (viewport.Width < 600)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(OutputDirectory, name + "-full.png"), FullPage = true });
        }

        var measured = await page.EvaluateAsync<string>(Inspect, culture);
        var entry = JsonSerializer.Deserialize<Dictionary<string, object?>>(measured)!;
        entry["name"] = name;
        entry["url"] = page.Url;
        entry["console"] = consoleErrors.ToList();
        await File.AppendAllLinesAsync(ReportPath, [JsonSerializer.Serialize(entry)]);
        consoleErrors.Clear();
    }

    /// <summary>A ride-along today with rep1, for the manager's and the rep's notebook.</summary>
    private async Task<int> ScheduleRideAlongAsync(Viewer manager, Viewer rep, int teamId)
    {
        await using var db = await fixture.App.GetService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var customerId = await db.Set<Customer>().Where(customer => customer.OwnerId == rep.UserId).OrderBy(customer => customer.Id).Select(customer => customer.Id).FirstAsync();
        var skills = await fixture.App.GetService<TeamSkills>().ListAsync(manager, teamId);
        var today = TeamCalendar.Today(TimeProvider.System, manager.PrimaryTeam!.TimeZoneId);
        return await fixture.App.GetService<RideAlongScheduler>().ScheduleAsync(manager,
            new ScheduleRideAlongInput(teamId, rep.UserId, customerId, today, new TimeOnly(16, 30), LadderStep.YouDoIWatch, [skills[0].Id, skills[3].Id]));
    }

    /// <summary>rep1's customer with the biggest opportunity in the demo data (one is made if there is none).</summary>
    private async Task<int> CustomerWithMoneyAsync(Viewer rep)
    {
        await using var db = await fixture.App.GetService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var mine = db.Set<Customer>().Where(customer => customer.OwnerId == rep.UserId).Select(customer => customer.Id);
        var found = await db.Set<Opportunity>().Where(opportunity => mine.Contains(opportunity.CustomerId))
            .OrderByDescending(opportunity => opportunity.AmountCents).Select(opportunity => opportunity.CustomerId).FirstOrDefaultAsync();
        if (found != 0)
        {
            return found;
        }

        var pool = fixture.App.GetService<CustomerPool>();
        var id = await pool.CreateAsync(rep, rep.PrimaryTeam!.Id, new CustomerInput(
            "苏州瑞丰精密机械有限公司", null, "Suzhou", Industry.Manufacturing, SizeBand.Medium, DevelopmentStage.Growth, CustomerSource.Inbound, null, CustomerLevel.Standard, null,
            [new ContactInput("王建国", "总经理 General Manager", null, null, true)]));
        await fixture.App.GetService<FollowUpLog>().AddOpportunityAsync(rep, id, new OpportunityInput("年度订阅 Annual subscription", 1_288_000m, OpportunityStage.Negotiation, null));
        return id;
    }

    /// <summary>An .xlsx with Chinese headers: good rows, a near duplicate, an empty row and a bad industry.</summary>
    private static string ImportWorkbook()
    {
        var path = Path.Combine(Path.GetTempPath(), $"review-import-{Guid.NewGuid():N}.xlsx");
        var rows = new List<Dictionary<string, object>>
        {
            new() { ["公司名称"] = "新客户甲有限公司", ["电话"] = "021-5555 0001", ["行业"] = "制造业", ["规模"] = "中型（50–249人）" },
            new() { ["公司名称"] = "瑞丰融资租赁（苏州）有限公司", ["电话"] = "", ["行业"] = "Manufacturing", ["规模"] = "Small" },
            new() { ["公司名称"] = "", ["电话"] = "", ["行业"] = "", ["规模"] = "" },
            new() { ["公司名称"] = "Bad Industry Ltd", ["电话"] = "", ["行业"] = "Spaceflight", ["规模"] = "Small" },
            new() { ["公司名称"] = "新客户乙有限公司（一个很长很长的公司名称用来看表格是否会被撑开）", ["电话"] = "13800138000", ["行业"] = "Retail", ["规模"] = "Micro" },
        };
        MiniExcel.SaveAs(path, rows);
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SalesCockpit.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
