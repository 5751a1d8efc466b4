using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Postgres.Trading
{
    /// <inheritdoc />
    public partial class Award : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trading_award_objections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bidder_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bidder_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    raised_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answer_by = table.Column<DateOnly>(type: "date", nullable: false),
                    answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_award_objections", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_award_objections_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_lot_awards",
                columns: table => new
                {
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    report_digest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    report_received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    publicity_json = table.Column<string>(type: "character varying(65536)", maxLength: 65536, nullable: true),
                    publicity_starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    publicity_ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    publicity_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    winner_bid_id = table.Column<Guid>(type: "uuid", nullable: true),
                    winner_entity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    winner_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    winner_rank = table.Column<int>(type: "integer", nullable: true),
                    awarded_price = table.Column<decimal>(type: "numeric", nullable: true),
                    skip_reason = table.Column<int>(type: "integer", nullable: true),
                    skip_explanation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    awarded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    awarded_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    notice_json = table.Column<string>(type: "character varying(65536)", maxLength: 65536, nullable: true),
                    notice_signature = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    notice_digest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    key_fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    result_published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_lot_awards", x => x.lot_id);
                    table.ForeignKey(
                        name: "FK_trading_lot_awards_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_lot_contracts",
                columns: table => new
                {
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_json = table.Column<string>(type: "character varying(65536)", maxLength: 65536, nullable: false),
                    digest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    amount = table.Column<decimal>(type: "numeric", nullable: false),
                    terms = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    drafted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    drafted_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    purchaser_signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    purchaser_signed_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    supplier_signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    supplier_signed_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_lot_contracts", x => x.lot_id);
                    table.ForeignKey(
                        name: "FK_trading_lot_contracts_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_performance_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric", nullable: true),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_performance_records", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_performance_records_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_trading_award_objections_lot_id",
                table: "trading_award_objections",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_lot_awards_publicity_starts_at",
                table: "trading_lot_awards",
                column: "publicity_starts_at");

            migrationBuilder.CreateIndex(
                name: "IX_trading_lot_awards_result_published_at",
                table: "trading_lot_awards",
                column: "result_published_at");

            migrationBuilder.CreateIndex(
                name: "IX_trading_lot_contracts_published_at",
                table: "trading_lot_contracts",
                column: "published_at");

            migrationBuilder.CreateIndex(
                name: "IX_trading_performance_records_lot_id",
                table: "trading_performance_records",
                column: "lot_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trading_award_objections");

            migrationBuilder.DropTable(
                name: "trading_lot_awards");

            migrationBuilder.DropTable(
                name: "trading_lot_contracts");

            migrationBuilder.DropTable(
                name: "trading_performance_records");
        }
    }
}
