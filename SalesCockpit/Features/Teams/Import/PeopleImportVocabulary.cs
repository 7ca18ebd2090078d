using System.Collections.Frozen;
using System.Resources;
using SalesCockpit.Infrastructure.Spreadsheets;

namespace SalesCockpit.Features.Teams.Import;

/// <summary>Headers and role names people write in an organisation file, in either language.</summary>
public static class PeopleImportVocabulary
{
    public static readonly IReadOnlyList<string> Columns = ["Name", "Email", "Role", "Team", "Manager"];

    // Besides each column's label in both languages (PeopleImport_Column_<Column>) and its name.
    private static readonly Dictionary<string, string[]> HeaderSynonyms = new()
    {
        ["Name"] = ["姓名", "名字", "员工姓名", "Full name", "Display name", "Person"],
        ["Email"] = ["邮箱", "电子邮件", "电子邮箱", "邮件", "E-mail", "Mail", "Email address", "E-mail address"],
        ["Role"] = ["角色", "岗位", "职位", "Position", "Job"],
        ["Team"] = ["团队", "小组", "团队名称", "Team name", "Group"],
        ["Manager"] = ["经理", "上级", "直属上级", "经理邮箱", "上级邮箱", "Manager e-mail", "Manager email", "Reports to"],
    };

    // Besides each role's label in both languages (Role_<Role>) and its name.
    private static readonly Dictionary<string, string[]> RoleSynonyms = new()
    {
        [Roles.Rep] = ["代表", "销售代表", "业务员", "销售员", "Sales rep", "Sales", "Salesperson", "Representative"],
        [Roles.Manager] = ["经理", "销售经理", "主管", "Sales manager", "Team lead"],
        [Roles.Admin] = ["管理员", "系统管理员", "Administrator"],
    };

    private static readonly ResourceManager Resources = new(typeof(TeamsText).FullName!, typeof(TeamsText).Assembly);

    private static readonly FrozenDictionary<string, string> ColumnByHeader = SpreadsheetWords.ByWord(Resources, Columns, "PeopleImport_Column_", HeaderSynonyms);
    private static readonly FrozenDictionary<string, string> RoleByWord = SpreadsheetWords.ByWord(Resources, Roles.All, "Role_", RoleSynonyms);

    public static string? ColumnOf(string? header) =>
        header is null ? null : ColumnByHeader.GetValueOrDefault(SpreadsheetCells.MatchKey(header));

    public static string? RoleOf(string? text) =>
        text is null ? null : RoleByWord.GetValueOrDefault(SpreadsheetCells.MatchKey(text));
}
