using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCockpit.Infrastructure.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 100,
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
                name: "NameCore",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "CreditedRepId",
                table: "customer_events");
        }
    }
}
