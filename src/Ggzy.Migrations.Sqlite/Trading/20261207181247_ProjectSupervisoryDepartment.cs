using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Sqlite.Trading
{
    /// <inheritdoc />
    public partial class ProjectSupervisoryDepartment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "supervisory_department",
                table: "trading_projects",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            // Projects registered before: their department from their catalog sector, as registration now records it.
            migrationBuilder.Sql("UPDATE trading_projects SET supervisory_department = CASE sector "
                + "WHEN '工程建设' THEN '住建' WHEN '政府采购' THEN '财政' WHEN '土地使用权' THEN '自然资源' WHEN '矿业权' THEN '自然资源' "
                + "WHEN '国有产权' THEN '国资' ELSE NULL END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "supervisory_department",
                table: "trading_projects");
        }
    }
}
