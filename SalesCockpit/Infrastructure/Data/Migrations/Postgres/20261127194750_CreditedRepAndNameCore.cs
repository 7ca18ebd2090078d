using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCockpit.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CreditedRepAndNameCore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameCore",
                table: "customers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CreditedRepId",
                table: "customer_events",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_customers_TeamId_NameCore",
                table: "customers",
                columns: new[] { "TeamId", "NameCore" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_customers_TeamId_NameCore",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "NameCore",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "CreditedRepId",
                table: "customer_events");
        }
    }
}
