using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCockpit.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MorningPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "morning_plan_settings",
                columns: table => new
                {
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpectedVisits = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpectedCalls = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpectedNewValidLeads = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanDueAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_morning_plan_settings", x => x.TeamId);
                    table.ForeignKey(
                        name: "FK_morning_plan_settings_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "morning_plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    RepId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Goals = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Stretch = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CommittedVisits = table.Column<int>(type: "INTEGER", nullable: false),
                    CommittedCalls = table.Column<int>(type: "INTEGER", nullable: false),
                    CommittedNewValidLeads = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedVisits = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedCalls = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedNewValidLeads = table.Column<int>(type: "INTEGER", nullable: true),
                    HandledSuggestions = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EditedAfterSubmitAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LockedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_morning_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_morning_plans_AspNetUsers_RepId",
                        column: x => x.RepId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_morning_plans_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_comments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_comments_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_comments_morning_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "morning_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "planned_visits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: true),
                    CustomerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    EndsAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    ExpectedResult = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SuggestionKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RideAlongRequestedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RideAlongRequestedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_planned_visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_planned_visits_AspNetUsers_RideAlongRequestedByUserId",
                        column: x => x.RideAlongRequestedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_planned_visits_morning_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "morning_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_morning_plans_RepId",
                table: "morning_plans",
                column: "RepId");

            migrationBuilder.CreateIndex(
                name: "IX_morning_plans_TeamId_Day",
                table: "morning_plans",
                columns: new[] { "TeamId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_morning_plans_TeamId_RepId_Day",
                table: "morning_plans",
                columns: new[] { "TeamId", "RepId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_comments_AuthorId",
                table: "plan_comments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_comments_PlanId_CreatedAt",
                table: "plan_comments",
                columns: new[] { "PlanId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_planned_visits_CustomerId",
                table: "planned_visits",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_planned_visits_PlanId_Position",
                table: "planned_visits",
                columns: new[] { "PlanId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_planned_visits_RideAlongRequestedByUserId",
                table: "planned_visits",
                column: "RideAlongRequestedByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "morning_plan_settings");

            migrationBuilder.DropTable(
                name: "plan_comments");

            migrationBuilder.DropTable(
                name: "planned_visits");

            migrationBuilder.DropTable(
                name: "morning_plans");
        }
    }
}
