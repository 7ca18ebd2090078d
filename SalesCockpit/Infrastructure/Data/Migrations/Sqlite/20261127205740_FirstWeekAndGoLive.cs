using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCockpit.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FirstWeekAndGoLive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CurrencyCode",
                table: "teams",
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "CNY");

            migrationBuilder.AddColumn<string>(
                name: "NameCore",
                table: "customers",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CreditedRepId",
                table: "customer_events",
                type: "TEXT",
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
                name: "CurrencyCode",
                table: "teams");

            migrationBuilder.DropColumn(
                name: "NameCore",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "CreditedRepId",
                table: "customer_events");
        }
    }
}
