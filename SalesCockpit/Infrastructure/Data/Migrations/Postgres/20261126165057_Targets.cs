using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SalesCockpit.Infrastructure.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    RepId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PeriodKind = table.Column<int>(type: "integer", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    RevenueCents = table.Column<long>(type: "bigint", nullable: true),
                    ValidLeads = table.Column<int>(type: "integer", nullable: true),
                    Visits = table.Column<int>(type: "integer", nullable: true),
                    SetById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SetAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    Measures = table.Column<int[]>(type: "integer[]", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
