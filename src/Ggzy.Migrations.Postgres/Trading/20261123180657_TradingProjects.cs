using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ggzy.Migrations.Postgres.Trading
{
    /// <inheritdoc />
    public partial class TradingProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trading_projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    trade_code = table.Column<string>(type: "character(20)", fixedLength: true, maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    regime = table.Column<int>(type: "integer", nullable: false),
                    sector = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    project_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    tenderer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenderer_code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    tenderer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: true),
                    agency_code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: true),
                    agency_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    registered_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    approval_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    approval_authority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    funding_source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    funding_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    municipal_platform_company = table.Column<bool>(type: "boolean", nullable: false),
                    verdict = table.Column<int>(type: "integer", nullable: false),
                    catalog_version = table.Column<int>(type: "integer", nullable: true),
                    catalog_citation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    center_id = table.Column<Guid>(type: "uuid", nullable: true),
                    center_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    refusal_reason = table.Column<int>(type: "integer", nullable: true),
                    decision_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    regulator_confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    regulator_confirmed_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    exemption = table.Column<int>(type: "integer", nullable: true),
                    exemption_basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "trading_lots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    trade_code = table.Column<string>(type: "character(23)", fixedLength: true, maxLength: 23, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    estimated_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    method = table.Column<int>(type: "integer", nullable: false),
                    prequalification = table.Column<bool>(type: "boolean", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    paused_from = table.Column<int>(type: "integer", nullable: true),
                    announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    announcement_ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    documents_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    documents_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    invitee_count = table.Column<int>(type: "integer", nullable: true),
                    invitees_drawn_with_record = table.Column<bool>(type: "boolean", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_lots", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_lots_trading_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "trading_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_project_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    digest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_project_files", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_project_files_trading_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "trading_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_lot_steps",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<int>(type: "integer", nullable: false),
                    to = table.Column<int>(type: "integer", nullable: false),
                    trigger = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    actor = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_lot_steps", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_lot_steps_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_trading_lot_steps_lot_id",
                table: "trading_lot_steps",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_lots_project_id_number",
                table: "trading_lots",
                columns: new[] { "project_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_lots_state",
                table: "trading_lots",
                column: "state");

            migrationBuilder.CreateIndex(
                name: "IX_trading_lots_trade_code",
                table: "trading_lots",
                column: "trade_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_project_files_project_id",
                table: "trading_project_files",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_projects_agency_id",
                table: "trading_projects",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_projects_status",
                table: "trading_projects",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "IX_trading_projects_tenderer_id",
                table: "trading_projects",
                column: "tenderer_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_projects_trade_code",
                table: "trading_projects",
                column: "trade_code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trading_lot_steps");

            migrationBuilder.DropTable(
                name: "trading_project_files");

            migrationBuilder.DropTable(
                name: "trading_lots");

            migrationBuilder.DropTable(
                name: "trading_projects");
        }
    }
}
