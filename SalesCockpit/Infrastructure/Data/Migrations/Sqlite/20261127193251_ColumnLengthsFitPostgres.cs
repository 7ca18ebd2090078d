using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCockpit.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ColumnLengthsFitPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
