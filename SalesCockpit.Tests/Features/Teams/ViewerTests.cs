using SalesCockpit.Features.Teams;

namespace SalesCockpit.Tests.Features.Teams;

public class ViewerTests
{
    private static readonly ViewerTeam East = new(1, "East", "Asia/Shanghai", "CNY");
    private static readonly ViewerTeam North = new(2, "North", "Asia/Shanghai", "CNY");

    [Fact]
    public void RepSeesOnlyTheirOwnTeamAndManagesNone()
    {
        var rep = new Viewer("r", "Rep", Roles.Rep, [East]);

        Assert.True(rep.CanSeeTeam(East.Id));
        Assert.False(rep.CanSeeTeam(North.Id));
        Assert.False(rep.CanManageTeam(East.Id));
        Assert.Throws<TeamAccessDeniedException>(() => rep.EnsureCanSeeTeam(North.Id));
        Assert.Throws<TeamAccessDeniedException>(() => rep.EnsureCanManageTeam(East.Id));
    }

    [Fact]
    public void ManagerManagesEachTeamTheyLeadAndNoOther()
    {
        var manager = new Viewer("m", "Manager", Roles.Manager, [East]);

        Assert.True(manager.CanManageTeam(East.Id));
        Assert.False(manager.CanSeeTeam(North.Id));
        Assert.Throws<TeamAccessDeniedException>(() => manager.EnsureCanManageTeam(North.Id));
    }

    [Fact]
    public void AdminSeesAndManagesEveryTeam()
    {
        var admin = new Viewer("a", "Admin", Roles.Admin, []);

        Assert.True(admin.CanSeeTeam(North.Id));
        Assert.True(admin.CanManageTeam(East.Id));
        admin.EnsureAdmin();
    }

    [Fact]
    public void OnlyAdminsPassTheAdminCheck()
    {
        Assert.Throws<TeamAccessDeniedException>(() => new Viewer("m", "Manager", Roles.Manager, [East]).EnsureAdmin());
    }
}
