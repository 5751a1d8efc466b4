using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Postgres.Trading
{
    /// <inheritdoc />
    public partial class TradingBidSecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trading_bank_receipts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    receipt_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    account = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    payer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payer_account = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    remark = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    imported_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: true),
                    deposit_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_bank_receipts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "trading_bid_guarantees",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    credit_code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    entity_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    issuer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    digest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    registered_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_bid_guarantees", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_bid_guarantees_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_bid_security_terms",
                columns: table => new
                {
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    base_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    forms = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    custody_bank = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    custody_account_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    custody_account_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    validity_days = table.Column<int>(type: "integer", nullable: false),
                    bid_validity_days = table.Column<int>(type: "integer", nullable: false),
                    set_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_bid_security_terms", x => x.lot_id);
                    table.ForeignKey(
                        name: "FK_trading_bid_security_terms_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_bid_deposits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    receipt_id = table.Column<Guid>(type: "uuid", nullable: false),
                    credit_code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    entity_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    matched_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    matched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_bid_deposits", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_bid_deposits_trading_bank_receipts_receipt_id",
                        column: x => x.receipt_id,
                        principalTable: "trading_bank_receipts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_trading_bid_deposits_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_bid_refund_duties",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    deposit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    @event = table.Column<int>(name: "event", type: "integer", nullable: false),
                    recipient = table.Column<int>(type: "integer", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    rule_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    citation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    refunded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    bank_reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_bid_refund_duties", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_bid_refund_duties_trading_bid_deposits_deposit_id",
                        column: x => x.deposit_id,
                        principalTable: "trading_bid_deposits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_trading_bank_receipts_lot_id",
                table: "trading_bank_receipts",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_bank_receipts_receipt_number",
                table: "trading_bank_receipts",
                column: "receipt_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_bank_receipts_status",
                table: "trading_bank_receipts",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "IX_trading_bid_deposits_lot_id_credit_code",
                table: "trading_bid_deposits",
                columns: new[] { "lot_id", "credit_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_bid_deposits_organization_id",
                table: "trading_bid_deposits",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_bid_deposits_receipt_id",
                table: "trading_bid_deposits",
                column: "receipt_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_bid_guarantees_issuer_number",
                table: "trading_bid_guarantees",
                columns: new[] { "issuer", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_bid_guarantees_lot_id_organization_id",
                table: "trading_bid_guarantees",
                columns: new[] { "lot_id", "organization_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_bid_refund_duties_deposit_id_event",
                table: "trading_bid_refund_duties",
                columns: new[] { "deposit_id", "event" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_bid_refund_duties_lot_id",
                table: "trading_bid_refund_duties",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_bid_security_terms_custody_account_number",
                table: "trading_bid_security_terms",
                column: "custody_account_number");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trading_bid_guarantees");

            migrationBuilder.DropTable(
                name: "trading_bid_refund_duties");

            migrationBuilder.DropTable(
                name: "trading_bid_security_terms");

            migrationBuilder.DropTable(
                name: "trading_bid_deposits");

            migrationBuilder.DropTable(
                name: "trading_bank_receipts");
        }
    }
}
