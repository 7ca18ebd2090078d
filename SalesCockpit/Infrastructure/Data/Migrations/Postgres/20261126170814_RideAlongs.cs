using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SalesCockpit.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RideAlongs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "coaching_skills",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    NameEn = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coaching_skills", x => x.Id);
                    table.ForeignKey(
                        name: "FK_coaching_skills_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ride_alongs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    ManagerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RepId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    FocusSkillIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    PlannedVisitId = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RepAccount = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Feedback = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ride_alongs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ride_alongs_AspNetUsers_ManagerId",
                        column: x => x.ManagerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ride_alongs_AspNetUsers_RepId",
                        column: x => x.RepId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ride_alongs_customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ride_alongs_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ladder_positions",
                columns: table => new
                {
                    RepId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SkillId = table.Column<int>(type: "integer", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    ReachedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MovedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ladder_positions", x => new { x.RepId, x.SkillId });
                    table.ForeignKey(
                        name: "FK_ladder_positions_AspNetUsers_RepId",
                        column: x => x.RepId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ladder_positions_coaching_skills_SkillId",
                        column: x => x.SkillId,
                        principalTable: "coaching_skills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ride_along_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RideAlongId = table.Column<int>(type: "integer", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ride_along_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ride_along_actions_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ride_along_actions_ride_alongs_RideAlongId",
                        column: x => x.RideAlongId,
                        principalTable: "ride_alongs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ride_along_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RideAlongId = table.Column<int>(type: "integer", nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Tag = table.Column<int>(type: "integer", nullable: true),
                    TakenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ride_along_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ride_along_notes_ride_alongs_RideAlongId",
                        column: x => x.RideAlongId,
                        principalTable: "ride_alongs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ride_along_scores",
                columns: table => new
                {
                    RideAlongId = table.Column<int>(type: "integer", nullable: false),
                    SkillId = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    ScoredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ride_along_scores", x => new { x.RideAlongId, x.SkillId });
                    table.ForeignKey(
                        name: "FK_ride_along_scores_coaching_skills_SkillId",
                        column: x => x.SkillId,
                        principalTable: "coaching_skills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ride_along_scores_ride_alongs_RideAlongId",
                        column: x => x.RideAlongId,
                        principalTable: "ride_alongs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_coaching_skills_TeamId_SortOrder",
                table: "coaching_skills",
                columns: new[] { "TeamId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_ladder_positions_SkillId",
                table: "ladder_positions",
                column: "SkillId");

            migrationBuilder.CreateIndex(
                name: "IX_ladder_positions_TeamId",
                table: "ladder_positions",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_ride_along_actions_OwnerId_DoneAt_DueOn",
                table: "ride_along_actions",
                columns: new[] { "OwnerId", "DoneAt", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ride_along_actions_RideAlongId",
                table: "ride_along_actions",
                column: "RideAlongId");

            migrationBuilder.CreateIndex(
                name: "IX_ride_along_notes_RideAlongId_TakenAt",
                table: "ride_along_notes",
                columns: new[] { "RideAlongId", "TakenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ride_along_scores_SkillId",
                table: "ride_along_scores",
                column: "SkillId");

            migrationBuilder.CreateIndex(
                name: "IX_ride_alongs_CustomerId",
                table: "ride_alongs",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ride_alongs_ManagerId",
                table: "ride_alongs",
                column: "ManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_ride_alongs_PlannedVisitId",
                table: "ride_alongs",
                column: "PlannedVisitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ride_alongs_RepId_Day",
                table: "ride_alongs",
                columns: new[] { "RepId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_ride_alongs_TeamId_Day",
                table: "ride_alongs",
                columns: new[] { "TeamId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ladder_positions");

            migrationBuilder.DropTable(
                name: "ride_along_actions");

            migrationBuilder.DropTable(
                name: "ride_along_notes");

            migrationBuilder.DropTable(
                name: "ride_along_scores");

            migrationBuilder.DropTable(
                name: "coaching_skills");

            migrationBuilder.DropTable(
                name: "ride_alongs");
        }
    }
}
