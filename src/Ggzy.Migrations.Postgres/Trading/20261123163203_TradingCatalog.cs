using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Postgres.Trading
{
    /// <inheritdoc />
    public partial class TradingCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trading_catalog_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    effective_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    drafted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    drafted_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_catalog_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "trading_catalog_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sector = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    project_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    threshold_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    handling_center_id = table.Column<Guid>(type: "uuid", nullable: true),
                    citation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_catalog_entries", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_catalog_entries_trading_catalog_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "trading_catalog_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_trading_catalog_entries_version_id",
                table: "trading_catalog_entries",
                column: "version_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_catalog_versions_number",
                table: "trading_catalog_versions",
                column: "number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trading_catalog_entries");

            migrationBuilder.DropTable(
                name: "trading_catalog_versions");
        }
    }
}
