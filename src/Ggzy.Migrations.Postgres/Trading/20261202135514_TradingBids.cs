using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Postgres.Trading
{
    /// <inheritdoc />
    public partial class TradingBids : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trading_bid_closings",
                columns: table => new
                {
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    bid_count = table.Column<int>(type: "integer", nullable: false),
                    expired_uploads = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_bid_closings", x => x.lot_id);
                    table.ForeignKey(
                        name: "FK_trading_bid_closings_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_bid_uploads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    credit_code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    user_name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    digest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_bid_uploads", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_bid_uploads_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_bids",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    credit_code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    bidder_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    user_name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    digest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    replaces = table.Column<Guid>(type: "uuid", nullable: true),
                    certificate_fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    tool_version = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    machine_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    mac_address = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    receipt_json = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    receipt_signature = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    key_fingerprint = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    commitment = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_bids", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_bids_trading_bid_uploads_id",
                        column: x => x.id,
                        principalTable: "trading_bid_uploads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_trading_bids_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_trading_bid_uploads_lot_id_organization_id_digest",
                table: "trading_bid_uploads",
                columns: new[] { "lot_id", "organization_id", "digest" },
                unique: true,
                filter: "state = 1");

            migrationBuilder.CreateIndex(
                name: "IX_trading_bid_uploads_lot_id_state",
                table: "trading_bid_uploads",
                columns: new[] { "lot_id", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_trading_bids_lot_id_organization_id",
                table: "trading_bids",
                columns: new[] { "lot_id", "organization_id" },
                unique: true,
                filter: "status = 1");

            migrationBuilder.CreateIndex(
                name: "IX_trading_bids_organization_id",
                table: "trading_bids",
                column: "organization_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trading_bid_closings");

            migrationBuilder.DropTable(
                name: "trading_bids");

            migrationBuilder.DropTable(
                name: "trading_bid_uploads");
        }
    }
}
