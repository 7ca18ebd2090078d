using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCockpit.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EveningReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "deal_judgments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpportunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    RepId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ManagerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PurchasingSeason = table.Column<int>(type: "INTEGER", nullable: false),
                    PurchasingSeasonNote = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DecisionMakerFound = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionMakerNote = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CanAfford = table.Column<int>(type: "INTEGER", nullable: false),
                    CanAffordNote = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    FeatureDoubts = table.Column<int>(type: "INTEGER", nullable: false),
                    FeatureDoubtsNote = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    OtherCauses = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NextAction = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NextActionOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deal_judgments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deal_judgments_AspNetUsers_ManagerId",
                        column: x => x.ManagerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_deal_judgments_AspNetUsers_RepId",
                        column: x => x.RepId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_deal_judgments_opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_deal_judgments_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evening_review_settings",
                columns: table => new
                {
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewDueAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evening_review_settings", x => x.TeamId);
                    table.ForeignKey(
                        name: "FK_evening_review_settings_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evening_reviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    RepId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Wins = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Lesson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    HelpNeeded = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EditedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HighlightedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HighlightedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    HelpHandledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HelpHandledById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evening_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evening_reviews_AspNetUsers_RepId",
                        column: x => x.RepId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_evening_reviews_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evening_review_comments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evening_review_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evening_review_comments_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_evening_review_comments_evening_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "evening_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evening_review_missed_reasons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedVisitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evening_review_missed_reasons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evening_review_missed_reasons_evening_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "evening_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evening_review_reactions",
                columns: table => new
                {
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evening_review_reactions", x => new { x.ReviewId, x.UserId });
                    table.ForeignKey(
                        name: "FK_evening_review_reactions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_evening_review_reactions_evening_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "evening_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_deal_judgments_ManagerId",
                table: "deal_judgments",
                column: "ManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_deal_judgments_OpportunityId",
                table: "deal_judgments",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_deal_judgments_RepId",
                table: "deal_judgments",
                column: "RepId");

            migrationBuilder.CreateIndex(
                name: "IX_deal_judgments_TeamId_OpportunityId",
                table: "deal_judgments",
                columns: new[] { "TeamId", "OpportunityId" });

            migrationBuilder.CreateIndex(
                name: "IX_deal_judgments_TeamId_RepId_NextActionOn",
                table: "deal_judgments",
                columns: new[] { "TeamId", "RepId", "NextActionOn" });

            migrationBuilder.CreateIndex(
                name: "IX_evening_review_comments_AuthorId",
                table: "evening_review_comments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_evening_review_comments_ReviewId_CreatedAt",
                table: "evening_review_comments",
                columns: new[] { "ReviewId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_evening_review_missed_reasons_ReviewId_PlannedVisitId",
                table: "evening_review_missed_reasons",
                columns: new[] { "ReviewId", "PlannedVisitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_evening_review_reactions_UserId",
                table: "evening_review_reactions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_evening_reviews_RepId",
                table: "evening_reviews",
                column: "RepId");

            migrationBuilder.CreateIndex(
                name: "IX_evening_reviews_TeamId_Day",
                table: "evening_reviews",
                columns: new[] { "TeamId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_evening_reviews_TeamId_RepId_Day",
                table: "evening_reviews",
                columns: new[] { "TeamId", "RepId", "Day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deal_judgments");

            migrationBuilder.DropTable(
                name: "evening_review_comments");

            migrationBuilder.DropTable(
                name: "evening_review_missed_reasons");

            migrationBuilder.DropTable(
                name: "evening_review_reactions");

            migrationBuilder.DropTable(
                name: "evening_review_settings");

            migrationBuilder.DropTable(
                name: "evening_reviews");
        }
    }
}
