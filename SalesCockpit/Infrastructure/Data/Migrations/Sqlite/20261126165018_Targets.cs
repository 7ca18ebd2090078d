using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCockpit.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Targets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rep_targets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    RepId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PeriodKind = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    RevenueCents = table.Column<long>(type: "INTEGER", nullable: true),
                    ValidLeads = table.Column<int>(type: "INTEGER", nullable: true),
                    Visits = table.Column<int>(type: "INTEGER", nullable: true),
                    SetById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SetAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rep_targets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rep_targets_AspNetUsers_RepId",
                        column: x => x.RepId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rep_targets_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "team_target_settings",
                columns: table => new
                {
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Measures = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_team_target_settings", x => x.TeamId);
                    table.ForeignKey(
                        name: "FK_team_target_settings_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rep_targets_RepId_PeriodKind_PeriodStart",
                table: "rep_targets",
                columns: new[] { "RepId", "PeriodKind", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_rep_targets_TeamId_PeriodKind_PeriodStart_RepId_Kind",
                table: "rep_targets",
                columns: new[] { "TeamId", "PeriodKind", "PeriodStart", "RepId", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rep_targets");

            migrationBuilder.DropTable(
                name: "team_target_settings");
        }
    }
}
