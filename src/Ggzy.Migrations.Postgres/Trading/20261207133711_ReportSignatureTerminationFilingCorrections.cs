using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Postgres.Trading
{
    /// <inheritdoc />
    public partial class ReportSignatureTerminationFilingCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "platform_key_fingerprint",
                table: "trading_evaluation_rooms",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "platform_signature",
                table: "trading_evaluation_rooms",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "trading_award_filing_corrections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    previous_on = table.Column<DateOnly>(type: "date", nullable: false),
                    corrected_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    corrected_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    corrected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_award_filing_corrections", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_award_filing_corrections_trading_lot_awards_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lot_awards",
                        principalColumn: "lot_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_lot_termination_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ground = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    detail = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    requested_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision_note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_lot_termination_requests", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_lot_termination_requests_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_trading_award_filing_corrections_lot_id_kind_corrected_at",
                table: "trading_award_filing_corrections",
                columns: new[] { "lot_id", "kind", "corrected_at" });

            migrationBuilder.CreateIndex(
                name: "IX_trading_lot_termination_requests_lot_id_requested_at",
                table: "trading_lot_termination_requests",
                columns: new[] { "lot_id", "requested_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trading_award_filing_corrections");

            migrationBuilder.DropTable(
                name: "trading_lot_termination_requests");

            migrationBuilder.DropColumn(
                name: "platform_key_fingerprint",
                table: "trading_evaluation_rooms");

            migrationBuilder.DropColumn(
                name: "platform_signature",
                table: "trading_evaluation_rooms");
        }
    }
}
