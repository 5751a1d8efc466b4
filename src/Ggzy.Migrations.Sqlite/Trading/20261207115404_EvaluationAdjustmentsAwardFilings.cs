using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Sqlite.Trading
{
    /// <inheritdoc />
    public partial class EvaluationAdjustmentsAwardFilings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "report_delivered_on",
                table: "trading_lot_awards",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "report_delivered_to",
                table: "trading_lot_awards",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "report_delivery_recorded_at",
                table: "trading_lot_awards",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "report_delivery_recorded_by",
                table: "trading_lot_awards",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "supervisor_report_on",
                table: "trading_lot_awards",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "supervisor_report_recipient",
                table: "trading_lot_awards",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "supervisor_report_recorded_at",
                table: "trading_lot_awards",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "supervisor_report_recorded_by",
                table: "trading_lot_awards",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "supervisor_report_reference",
                table: "trading_lot_awards",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "trading_evaluation_adjustments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bid_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    factor_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_evaluation_adjustments", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_evaluation_adjustments_trading_evaluation_rooms_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_evaluation_rooms",
                        principalColumn: "lot_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_trading_evaluation_adjustments_lot_id_bid_id_factor_code",
                table: "trading_evaluation_adjustments",
                columns: new[] { "lot_id", "bid_id", "factor_code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trading_evaluation_adjustments");

            migrationBuilder.DropColumn(
                name: "report_delivered_on",
                table: "trading_lot_awards");

            migrationBuilder.DropColumn(
                name: "report_delivered_to",
                table: "trading_lot_awards");

            migrationBuilder.DropColumn(
                name: "report_delivery_recorded_at",
                table: "trading_lot_awards");

            migrationBuilder.DropColumn(
                name: "report_delivery_recorded_by",
                table: "trading_lot_awards");

            migrationBuilder.DropColumn(
                name: "supervisor_report_on",
                table: "trading_lot_awards");

            migrationBuilder.DropColumn(
                name: "supervisor_report_recipient",
                table: "trading_lot_awards");

            migrationBuilder.DropColumn(
                name: "supervisor_report_recorded_at",
                table: "trading_lot_awards");

            migrationBuilder.DropColumn(
                name: "supervisor_report_recorded_by",
                table: "trading_lot_awards");

            migrationBuilder.DropColumn(
                name: "supervisor_report_reference",
                table: "trading_lot_awards");
        }
    }
}
