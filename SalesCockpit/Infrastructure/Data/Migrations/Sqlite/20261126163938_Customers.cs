using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCockpit.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Customers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customer_pool_settings",
                columns: table => new
                {
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    PrivatePoolCapacity = table.Column<int>(type: "INTEGER", nullable: false),
                    WonCountAgainstCapacity = table.Column<bool>(type: "INTEGER", nullable: false),
                    DailyClaimLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    HoldDaysKey = table.Column<int>(type: "INTEGER", nullable: false),
                    HoldDaysStandard = table.Column<int>(type: "INTEGER", nullable: false),
                    HoldDaysSmall = table.Column<int>(type: "INTEGER", nullable: false),
                    NoProgressDays = table.Column<int>(type: "INTEGER", nullable: false),
                    WarningDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ReclaimCooldownDays = table.Column<int>(type: "INTEGER", nullable: false),
                    OpportunitiesExempt = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    StalledOpportunityDays = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonaIndustries = table.Column<string>(type: "TEXT", nullable: false),
                    PersonaSizeBands = table.Column<string>(type: "TEXT", nullable: false),
                    PersonaStages = table.Column<string>(type: "TEXT", nullable: false),
                    ValidLeadCriteria = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_pool_settings", x => x.TeamId);
                    table.ForeignKey(
                        name: "FK_customer_pool_settings_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "customers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    NormalizedPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Industry = table.Column<int>(type: "INTEGER", nullable: false),
                    SizeBand = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferredById = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MetCriteria = table.Column<string>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OwnerSince = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HoldClockAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProgressClockAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FlowBackOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsLocked = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastFollowUpAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NextFollowUpOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_customers_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_customers_customers_ReferredById",
                        column: x => x.ReferredById,
                        principalTable: "customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_customers_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "customer_contacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    WeChatOrEmail = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    IsDecisionMaker = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_customer_contacts_customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "customer_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FromOwnerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ToOwnerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_customer_events_customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "follow_ups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NextStep = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NextFollowUpOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_ups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_follow_ups_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_follow_ups_customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opportunities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpectedCloseOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StageChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opportunities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_opportunities_customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_customer_contacts_CustomerId",
                table: "customer_contacts",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_customer_events_ActorId_Kind_OccurredAt",
                table: "customer_events",
                columns: new[] { "ActorId", "Kind", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_customer_events_CustomerId_OccurredAt",
                table: "customer_events",
                columns: new[] { "CustomerId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_customer_events_FromOwnerId_CustomerId_OccurredAt",
                table: "customer_events",
                columns: new[] { "FromOwnerId", "CustomerId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_customers_OwnerId_NextFollowUpOn",
                table: "customers",
                columns: new[] { "OwnerId", "NextFollowUpOn" });

            migrationBuilder.CreateIndex(
                name: "IX_customers_ReferredById",
                table: "customers",
                column: "ReferredById");

            migrationBuilder.CreateIndex(
                name: "IX_customers_TeamId_FlowBackOn",
                table: "customers",
                columns: new[] { "TeamId", "FlowBackOn" });

            migrationBuilder.CreateIndex(
                name: "IX_customers_TeamId_Name",
                table: "customers",
                columns: new[] { "TeamId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_customers_TeamId_NormalizedName",
                table: "customers",
                columns: new[] { "TeamId", "NormalizedName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_customers_TeamId_NormalizedPhone",
                table: "customers",
                columns: new[] { "TeamId", "NormalizedPhone" });

            migrationBuilder.CreateIndex(
                name: "IX_customers_TeamId_OwnerId_FlowBackOn",
                table: "customers",
                columns: new[] { "TeamId", "OwnerId", "FlowBackOn" });

            migrationBuilder.CreateIndex(
                name: "IX_follow_ups_AuthorId",
                table: "follow_ups",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_follow_ups_CustomerId_OccurredAt",
                table: "follow_ups",
                columns: new[] { "CustomerId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_CustomerId",
                table: "opportunities",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_TeamId_Stage_StageChangedAt",
                table: "opportunities",
                columns: new[] { "TeamId", "Stage", "StageChangedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_contacts");

            migrationBuilder.DropTable(
                name: "customer_events");

            migrationBuilder.DropTable(
                name: "customer_pool_settings");

            migrationBuilder.DropTable(
                name: "follow_ups");

            migrationBuilder.DropTable(
                name: "opportunities");

            migrationBuilder.DropTable(
                name: "customers");
        }
    }
}
