using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Sqlite.Experts
{
    /// <inheritdoc />
    public partial class ExpertsSnapshotPacked : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "snapshot",
                table: "experts_draw_rounds",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<string>(
                name: "excluded_protected",
                table: "experts_draw_rounds",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<byte[]>(
                name: "excluded_packed",
                table: "experts_draw_rounds",
                type: "BLOB",
                maxLength: 16000000,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "snapshot_packed",
                table: "experts_draw_rounds",
                type: "BLOB",
                maxLength: 16000000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "excluded_packed",
                table: "experts_draw_rounds");

            migrationBuilder.DropColumn(
                name: "snapshot_packed",
                table: "experts_draw_rounds");

            migrationBuilder.AlterColumn<string>(
                name: "snapshot",
                table: "experts_draw_rounds",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "excluded_protected",
                table: "experts_draw_rounds",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
