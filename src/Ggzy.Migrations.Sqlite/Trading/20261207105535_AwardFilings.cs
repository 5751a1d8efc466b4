using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Sqlite.Trading
{
    /// <inheritdoc />
    public partial class AwardFilings : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
