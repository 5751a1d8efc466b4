using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Sqlite.Trading
{
    /// <inheritdoc />
    public partial class Archive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trading_lot_archives",
                columns: table => new
                {
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    package_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    digest = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    built_at = table.Column<long>(type: "INTEGER", nullable: false),
                    outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    retention_years = table.Column<int>(type: "INTEGER", nullable: true),
                    retain_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    retention_basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    key_fingerprint = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    entry_count = table.Column<int>(type: "INTEGER", nullable: false),
                    manifest_json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_lot_archives", x => x.lot_id);
                    table.ForeignKey(
                        name: "FK_trading_lot_archives_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_lot_retenders",
                columns: table => new
                {
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    predecessor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_lot_retenders", x => x.lot_id);
                    table.ForeignKey(
                        name: "FK_trading_lot_retenders_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_trading_lot_retenders_trading_lots_predecessor_id",
                        column: x => x.predecessor_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_trading_lot_archives_package_id",
                table: "trading_lot_archives",
                column: "package_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_lot_retenders_predecessor_id",
                table: "trading_lot_retenders",
                column: "predecessor_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trading_lot_archives");

            migrationBuilder.DropTable(
                name: "trading_lot_retenders");
        }
    }
}
