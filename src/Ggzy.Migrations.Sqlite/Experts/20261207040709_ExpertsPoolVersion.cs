using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Sqlite.Experts
{
    /// <inheritdoc />
    public partial class ExpertsPoolVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "experts_pool_version",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experts_pool_version", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "experts_pool_version",
                columns: new[] { "id", "value" },
                values: new object[] { 1, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "experts_pool_version");
        }
    }
}
