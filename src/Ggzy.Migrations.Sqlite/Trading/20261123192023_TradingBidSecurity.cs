using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Sqlite.Trading
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    receipt_number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    account = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    payer_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    payer_account = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    remark = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    imported_at = table.Column<long>(type: "INTEGER", nullable: false),
                    imported_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    deposit_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_bank_receipts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "trading_bid_guarantees",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    credit_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: false),
                    entity_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    issuer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    digest = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    registered_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    registered_at = table.Column<long>(type: "INTEGER", nullable: false)
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
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    base_amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    forms = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    custody_bank = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    custody_account_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    custody_account_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    validity_days = table.Column<int>(type: "INTEGER", nullable: false),
                    bid_validity_days = table.Column<int>(type: "INTEGER", nullable: false),
                    set_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    set_at = table.Column<long>(type: "INTEGER", nullable: false)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    receipt_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    credit_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: false),
                    entity_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    matched_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    matched_at = table.Column<long>(type: "INTEGER", nullable: false),
                    withdrawn_at = table.Column<long>(type: "INTEGER", nullable: true)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    deposit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    @event = table.Column<int>(name: "event", type: "INTEGER", nullable: false),
                    recipient = table.Column<int>(type: "INTEGER", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    due_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    rule_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    citation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    refunded_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    bank_reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: true)
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
