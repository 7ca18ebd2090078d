using Microsoft.Extensions.Configuration;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Tests.Infrastructure.Data;

public class SeedDemoSwitchTests
{
    [Fact]
    public void TheSwitchFollowedByASettingKeepsTheSetting()
    {
        var rest = SeedDemoSwitch.Remove(["--seed-demo", "--Database:Provider", "Postgres", "--Database:ConnectionString", "Host=db"], out var present);

        var configuration = new ConfigurationBuilder().AddCommandLine(rest).Build();
        Assert.True(present);
        Assert.Equal("Postgres", configuration["Database:Provider"]);
        Assert.Equal("Host=db", configuration["Database:ConnectionString"]);
        Assert.Null(configuration["seed-demo"]);
    }

    [Fact]
    public void TheSwitchLastOrAbsentIsReadAsSuch()
    {
        var last = SeedDemoSwitch.Remove(["--Database:Provider", "Postgres", "--seed-demo"], out var presentLast);
        var absent = SeedDemoSwitch.Remove(["--Database:Provider", "Postgres"], out var presentAbsent);

        Assert.True(presentLast);
        Assert.False(presentAbsent);
        Assert.Equal(["--Database:Provider", "Postgres"], last);
        Assert.Equal(["--Database:Provider", "Postgres"], absent);
    }
}
