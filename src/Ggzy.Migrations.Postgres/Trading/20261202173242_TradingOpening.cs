using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Postgres.Trading
{
    /// <inheritdoc />
    public partial class TradingOpening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trading_bid_openings",
                columns: table => new
                {
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    extracted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    bid_count = table.Column<int>(type: "integer", nullable: false),
                    decryption_opens_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decryption_ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decryption_closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decryption_closed_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    read_out_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    read_out_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    record_json = table.Column<string>(type: "character varying(1048576)", maxLength: 1048576, nullable: true),
                    record_signature = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    record_digest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    key_fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    not_opened_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    next_step = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_bid_openings", x => x.lot_id);
                    table.ForeignKey(
                        name: "FK_trading_bid_openings_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_opening_settings",
                columns: table => new
                {
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    items_json = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    decryption_minutes = table.Column<int>(type: "integer", nullable: true),
                    fallback = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    reference_price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    max_price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_opening_settings", x => x.lot_id);
                    table.ForeignKey(
                        name: "FK_trading_opening_settings_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_opening_attendance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    certificate_fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_opening_attendance", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_opening_attendance_trading_bid_openings_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_bid_openings",
                        principalColumn: "lot_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_opening_bids",
                columns: table => new
                {
                    bid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    credit_code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    bidder_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    digest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    arrived_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    seal_intact = table.Column<bool>(type: "boolean", nullable: false),
                    outcome = table.Column<int>(type: "integer", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failure_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    failure_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    failed_attempts = table.Column<int>(type: "integer", nullable: false),
                    total_price = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    items_json = table.Column<string>(type: "character varying(32000)", maxLength: 32000, nullable: true),
                    price_sheet_problem = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    sections_json = table.Column<string>(type: "character varying(32000)", maxLength: 32000, nullable: true),
                    fallback_offered = table.Column<bool>(type: "boolean", nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    confirmed_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    deemed_accepted = table.Column<bool>(type: "boolean", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_opening_bids", x => x.bid_id);
                    table.ForeignKey(
                        name: "FK_trading_opening_bids_trading_bid_openings_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_bid_openings",
                        principalColumn: "lot_id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_trading_opening_bids_trading_bids_bid_id",
                        column: x => x.bid_id,
                        principalTable: "trading_bids",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_opening_objections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bidder_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    raised_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    answered_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_opening_objections", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_opening_objections_trading_bid_openings_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_bid_openings",
                        principalColumn: "lot_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_trading_bid_openings_stage",
                table: "trading_bid_openings",
                column: "stage");

            migrationBuilder.CreateIndex(
                name: "IX_trading_opening_attendance_lot_id_organization_id",
                table: "trading_opening_attendance",
                columns: new[] { "lot_id", "organization_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_opening_bids_lot_id_organization_id",
                table: "trading_opening_bids",
                columns: new[] { "lot_id", "organization_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_opening_objections_lot_id",
                table: "trading_opening_objections",
                column: "lot_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trading_opening_attendance");

            migrationBuilder.DropTable(
                name: "trading_opening_bids");

            migrationBuilder.DropTable(
                name: "trading_opening_objections");

            migrationBuilder.DropTable(
                name: "trading_opening_settings");

            migrationBuilder.DropTable(
                name: "trading_bid_openings");
        }
    }
}
