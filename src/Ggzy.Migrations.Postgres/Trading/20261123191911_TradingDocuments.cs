using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ggzy.Migrations.Postgres.Trading
{
    /// <inheritdoc />
    public partial class TradingDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trading_clarifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    previous_deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    adjustment_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    adjustment_citation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    recipient_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_clarifications", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_clarifications_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    read_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_notices", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_notices_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_objections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    credit_code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    organization_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    raised_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    answer_by = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paused_lot = table.Column<bool>(type: "boolean", nullable: false),
                    assessment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_objections", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_objections_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_lot_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    clarification_id = table.Column<Guid>(type: "uuid", nullable: true),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    digest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_lot_documents", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_lot_documents_trading_clarifications_clarification_~",
                        column: x => x.clarification_id,
                        principalTable: "trading_clarifications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_trading_lot_documents_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_document_downloads",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    credit_code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    organization_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    user_name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    digest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    nonce = table.Column<string>(type: "character(32)", fixedLength: true, maxLength: 32, nullable: false),
                    seal = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_document_downloads", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_document_downloads_trading_lot_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "trading_lot_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_trading_document_downloads_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_trading_clarifications_lot_id_number",
                table: "trading_clarifications",
                columns: new[] { "lot_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_document_downloads_document_id",
                table: "trading_document_downloads",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_document_downloads_lot_id_organization_id",
                table: "trading_document_downloads",
                columns: new[] { "lot_id", "organization_id" });

            migrationBuilder.CreateIndex(
                name: "IX_trading_lot_documents_clarification_id",
                table: "trading_lot_documents",
                column: "clarification_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_lot_documents_lot_id",
                table: "trading_lot_documents",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_notices_lot_id",
                table: "trading_notices",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_notices_organization_id_read_at",
                table: "trading_notices",
                columns: new[] { "organization_id", "read_at" });

            migrationBuilder.CreateIndex(
                name: "IX_trading_objections_lot_id",
                table: "trading_objections",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_objections_organization_id",
                table: "trading_objections",
                column: "organization_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trading_document_downloads");

            migrationBuilder.DropTable(
                name: "trading_notices");

            migrationBuilder.DropTable(
                name: "trading_objections");

            migrationBuilder.DropTable(
                name: "trading_lot_documents");

            migrationBuilder.DropTable(
                name: "trading_clarifications");
        }
    }
}
