using Microsoft.Data.Sqlite;

namespace SalesCockpit.Benchmarks.Board;

/// <summary>The seeded East-1 team and two customers held by rep2, read from the app's database.</summary>
public sealed record DemoTeam(int Id, IReadOnlyList<(int Id, string Name)> RepCustomers)
{
    public const string ManagerEmail = "manager@demo.local";
    public const string RepEmail = "rep2@demo.local";

    public string BoardPath => $"/teams/{Id}/board";

    public static DemoTeam Read(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        using var team = connection.CreateCommand();
        team.CommandText = "SELECT Id FROM teams WHERE Name LIKE 'East-1%'";
        var teamId = Convert.ToInt32(team.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

        using var customers = connection.CreateCommand();
        customers.CommandText = """
            SELECT c.Id, c.Name FROM customers c JOIN AspNetUsers u ON u.Id = c.OwnerId
            WHERE u.Email = $email AND c.TeamId = $team ORDER BY c.Id
            """;
        customers.Parameters.AddWithValue("$email", RepEmail);
        customers.Parameters.AddWithValue("$team", teamId);
        var held = new List<(int Id, string Name)>();
        using (var reader = customers.ExecuteReader())
        {
            while (reader.Read())
            {
                held.Add((reader.GetInt32(0), reader.GetString(1)));
            }
        }

        // Two customers whose names tell them apart on the board's feed (neither contains the other).
        var first = held[0];
        var second = held.Skip(1).First(candidate => !candidate.Name.Contains(first.Name, StringComparison.Ordinal) && !first.Name.Contains(candidate.Name, StringComparison.Ordinal));
        return new DemoTeam(teamId, [first, second]);
    }
}
