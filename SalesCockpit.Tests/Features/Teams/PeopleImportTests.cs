using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCockpit.Features.Teams;
using SalesCockpit.Features.Teams.Import;
using SalesCockpit.Infrastructure.Validation;
using SalesCockpit.Tests.Features.Customers;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.Teams;

public sealed class PeopleImportTests : IDisposable
{
    private static readonly Uri BaseUri = new("https://cockpit.example.com/");
    private readonly TestDatabase database = new();
    private readonly ServiceProvider identity;
    private readonly RecordingEventBus bus = new();
    private readonly PeopleImport import;
    private readonly TestData data;

    public PeopleImportTests()
    {
        identity = IdentityTestServices.Build(database);
        import = new PeopleImport(database, identity.GetRequiredService<IServiceScopeFactory>(), bus, new FakeTimeProvider());
        data = new TestData(database);
    }

    public void Dispose()
    {
        identity.Dispose();
        database.Dispose();
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task AValidFileCreatesTeamsAndPeopleWithRolesAndManagers()
    {
        var east = await data.TeamAsync("East");
        var admin = await data.AdminAsync();
        var existingManager = await data.ManagerAsync(east);
        var managerEmail = await EmailOfAsync(existingManager.UserId);
        var file = Utf8($"""
            Name,E-mail,Role,Team,Manager
            Zhou Lan,zhou.lan@example.com,Manager,West,
            Wu Fei,wu.fei@example.com,Rep,West,zhou.lan@example.com
            Qian Yu,qian.yu@example.com,销售,east,{managerEmail}
            Sun Li,sun.li@example.com,Admin,,
            """);

        var preview = await import.PreviewAsync(admin, file, "people.csv");
        var imported = await import.ImportAsync(admin, preview, BaseUri);

        Assert.True(preview.CanImport);
        Assert.Equal(["West"], preview.NewTeams);
        Assert.Equal(["zhou.lan@example.com", "wu.fei@example.com", "qian.yu@example.com", "sun.li@example.com"], imported.Select(person => person.Email));
        Assert.All(imported, person => Assert.StartsWith("https://cockpit.example.com/account/set-password?user=", person.SetPasswordLink, StringComparison.Ordinal));
        await using var db = await database.CreateDbContextAsync();
        var west = await db.Set<Team>().SingleAsync(team => team.Name == "West");
        var westMembers = await db.Set<TeamMembership>().Where(m => m.TeamId == west.Id).Select(m => m.User!.Email).OrderBy(email => email).ToListAsync();
        Assert.Equal(["wu.fei@example.com", "zhou.lan@example.com"], westMembers);
        var users = identity.GetRequiredService<UserManager<AppUser>>();
        var qian = await users.FindByEmailAsync("qian.yu@example.com");
        Assert.Equal([Roles.Rep], await users.GetRolesAsync(qian!));
        Assert.False(await users.HasPasswordAsync(qian!));
        Assert.Equal(east.Id, await db.Set<TeamMembership>().Where(m => m.UserId == qian!.Id).Select(m => m.TeamId).SingleAsync());
        Assert.Contains(bus.Published, published => published.TeamId == west.Id && published.Topic == TeamTopics.Members);
    }

    [Fact]
    public async Task EveryRowShowsItsProblemsAndNothingIsImportedWhileOneHasAny()
    {
        await data.TeamAsync("East");
        var admin = await data.AdminAsync();
        var taken = await EmailOfAsync((await data.RepAsync(await data.TeamAsync("North"))).UserId);
        var file = Utf8($"""
            姓名,邮箱,角色,团队,经理邮箱
            Good One,good@example.com,Rep,East,
            ,not-an-email,Boss,East,
            Twice,good@example.com,Rep,East,
            Taken,{taken},Rep,East,
            Lost,lost@example.com,经理,,nobody@example.com
            Under Rep,under@example.com,Rep,East,good@example.com
            """);

        var preview = await import.PreviewAsync(admin, file, "people.csv");

        Assert.False(preview.CanImport);
        Assert.Equal(5, preview.InvalidCount);
        Assert.Equal(6, preview.Rows.Count);
        string[] Keys(int line) => [.. preview.Rows.Single(row => row.Line == line).Errors.Select(error => $"{error.Field}:{error.MessageKey}")];
        Assert.Empty(Keys(2));
        Assert.Equal(["Name:Validation_Required", "Email:Validation_Email", "Role:PeopleImport_UnknownRole"], Keys(3));
        Assert.Equal(["Email:PeopleImport_EmailTwice"], Keys(4));
        Assert.Equal(["Email:PeopleImport_EmailExists"], Keys(5));
        Assert.Equal(["Team:Validation_ManagerNeedsTeam", "Manager:PeopleImport_ManagerNeedsTeam"], Keys(6));
        Assert.Equal(["Manager:PeopleImport_ManagerNotManager"], Keys(7));
        await Assert.ThrowsAsync<ValidationFailedException>(() => import.ImportAsync(admin, preview, BaseUri));
        await using var db = await database.CreateDbContextAsync();
        Assert.False(await db.Users.AnyAsync(user => user.Email == "good@example.com"));
    }

    [Fact]
    public async Task APersonCreatedSinceThePreviewStopsTheWholeImportAndNoTeamIsLeftBehind()
    {
        var admin = await data.AdminAsync();
        var preview = await import.PreviewAsync(admin, Utf8("Name,Email,Role,Team\nA,a@example.com,Rep,Brand New\nB,b@example.com,Rep,Brand New\n"), "people.csv");
        Assert.True(preview.CanImport);
        await new PeopleAdministration(database, identity.GetRequiredService<IServiceScopeFactory>(), bus, new FakeTimeProvider())
            .CreatePersonAsync(admin, new PersonInput("B elsewhere", "b@example.com", Roles.Admin, [], "secret123"));

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => import.ImportAsync(admin, preview, BaseUri));

        Assert.Equal("PeopleImport_ChangedMeanwhile", refused.MessageKeyFor("File"));
        await using var db = await database.CreateDbContextAsync();
        Assert.False(await db.Users.AnyAsync(user => user.Email == "a@example.com"));
        Assert.False(await db.Set<Team>().AnyAsync(team => team.Name == "Brand New"));
    }

    [Fact]
    public async Task AGbkFileWithChineseHeadersAndRoleNamesIsRead()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var admin = await data.AdminAsync();
        var file = Encoding.GetEncoding(936).GetBytes("姓名,电子邮件,岗位,小组,上级\r\n王芳,wang.fang@example.com,销售主管,华南一组,\r\n李强,li.qiang@example.com,代表,华南一组,wang.fang@example.com\r\n赵敏,zhao.min@example.com,管理员,,\r\n");

        var preview = await import.PreviewAsync(admin, new MemoryStream(file), "人员.csv");

        Assert.Equal("GB18030", preview.EncodingName);
        Assert.True(preview.CanImport, string.Join("; ", preview.Rows.SelectMany(row => row.Errors).Select(error => error.MessageKey)));
        Assert.Equal(["王芳", "李强", "赵敏"], preview.Rows.Select(row => row.Cells.Name));
        Assert.Equal([Roles.Manager, Roles.Rep, Roles.Admin], preview.Rows.Select(row => row.Role));
        Assert.Equal(["华南一组"], preview.NewTeams);
    }

    [Fact]
    public async Task AWorkbookImportsLikeACsv()
    {
        var admin = await data.AdminAsync();
        var file = TestWorkbook.Build([
            ["Name", "Email", "Role", "Team"],
            ["Xu Jing", "xu.jing@example.com", "Manager", "Chengdu"],
            ["He Tao", "he.tao@example.com", "rep", "Chengdu"],
        ]);

        var preview = await import.PreviewAsync(admin, new MemoryStream(file), "people.xlsx");
        var imported = await import.ImportAsync(admin, preview, BaseUri);

        Assert.Equal(["Xu Jing", "He Tao"], imported.Select(person => person.DisplayName));
        Assert.Equal([Roles.Manager, Roles.Rep], imported.Select(person => person.Role));
    }

    [Theory]
    [InlineData("people.xlsx")]
    [InlineData("people.csv")]
    public async Task AWorkbookThatBreaksAfterItsFirstRowIsRefusedAsNotAWorkbook(string fileName)
    {
        var admin = await data.AdminAsync();
        using var file = new MemoryStream();
        file.Write(TestWorkbook.Build([["Name", "Email", "Role", "Team"], ["Xu Jing", "xu.jing@example.com", "Manager", "Chengdu"]]));
        using (var zip = new ZipArchive(file, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("xl/worksheets/sheet1.xml")!.Delete();
            await using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            await sheet.WriteAsync("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row><row r="2"><c r="A2" t=""");
        }

        var preview = await import.PreviewAsync(admin, new MemoryStream(file.ToArray()), fileName);

        Assert.Equal("Import_NotWorkbook", preview.FileErrorKey);
        Assert.Equal(fileName, Assert.Single(preview.FileErrorArguments!));
        Assert.Empty(preview.Rows);
    }

    [Fact]
    public async Task AFileWithoutAnEmailColumnIsRefusedAsAWhole()
    {
        var admin = await data.AdminAsync();

        var preview = await import.PreviewAsync(admin, Utf8("Name,Team\nA,East\n"), "people.csv");

        Assert.Equal("PeopleImport_NoEmailColumn", preview.FileErrorKey);
        Assert.False(preview.CanImport);
    }

    [Fact]
    public async Task OnlyAnAdminImports()
    {
        var manager = await data.ManagerAsync(await data.TeamAsync());

        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => import.PreviewAsync(manager, Utf8("Name,Email,Role\nA,a@example.com,Admin\n"), "people.csv"));
    }

    [Fact]
    public async Task TheSetPasswordTokenWorksOnce()
    {
        var admin = await data.AdminAsync();
        var preview = await import.PreviewAsync(admin, Utf8("Name,Email,Role\nNew Admin,new.admin@example.com,Admin\n"), "people.csv");
        var person = Assert.Single(await import.ImportAsync(admin, preview, BaseUri));
        var token = System.Web.HttpUtility.ParseQueryString(new Uri(person.SetPasswordLink).Query)["token"]!;
        var users = identity.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(person.UserId))!;

        var first = await users.ResetPasswordAsync(user, token, "chosen123");
        var second = await users.ResetPasswordAsync((await users.FindByIdAsync(person.UserId))!, token, "again1234");

        Assert.True(first.Succeeded);
        Assert.Contains(second.Errors, error => error.Code == nameof(IdentityErrorDescriber.InvalidToken));
        Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(person.UserId))!, "chosen123"));
    }

    private async Task<string> EmailOfAsync(string userId)
    {
        await using var db = await database.CreateDbContextAsync();
        return await db.Users.Where(user => user.Id == userId).Select(user => user.Email!).SingleAsync();
    }
}
