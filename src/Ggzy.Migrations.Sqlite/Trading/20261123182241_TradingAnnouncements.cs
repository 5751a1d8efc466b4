using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Sqlite.Trading
{
    /// <inheritdoc />
    public partial class TradingAnnouncements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trading_announcements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    project_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    project_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    project_trade_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 20, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    sector = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    tenderer_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    agency_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    scope = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    scale = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    funding = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    qualifications = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    consortium_accepted = table.Column<bool>(type: "INTEGER", nullable: false),
                    documents_method = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    submission_method = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    platform_address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    contacts = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    amends_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    changes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    change_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    publish_at = table.Column<long>(type: "INTEGER", nullable: true),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    published_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_announcements", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_announcements_trading_announcements_amends_id",
                        column: x => x.amends_id,
                        principalTable: "trading_announcements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_trading_announcements_trading_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "trading_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_announcement_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    announcement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    digest = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    uploaded_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_announcement_attachments", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_announcement_attachments_trading_announcements_announcement_id",
                        column: x => x.announcement_id,
                        principalTable: "trading_announcements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trading_announcement_invitees",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    announcement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    credit_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_announcement_invitees", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_announcement_invitees_trading_announcements_announcement_id",
                        column: x => x.announcement_id,
                        principalTable: "trading_announcements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trading_announcement_lots",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    announcement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_number = table.Column<int>(type: "INTEGER", nullable: false),
                    lot_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    lot_trade_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 23, nullable: false),
                    estimated_amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    announcement_ends_at = table.Column<long>(type: "INTEGER", nullable: true),
                    documents_from = table.Column<long>(type: "INTEGER", nullable: false),
                    documents_until = table.Column<long>(type: "INTEGER", nullable: false),
                    deadline = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_announcement_lots", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_announcement_lots_trading_announcements_announcement_id",
                        column: x => x.announcement_id,
                        principalTable: "trading_announcements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_trading_announcement_lots_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_invitee_draws",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    announcement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    candidates = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false),
                    drawn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    witnesses = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_invitee_draws", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_invitee_draws_trading_announcements_announcement_id",
                        column: x => x.announcement_id,
                        principalTable: "trading_announcements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_trading_announcement_attachments_announcement_id",
                table: "trading_announcement_attachments",
                column: "announcement_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_announcement_invitees_announcement_id_credit_code",
                table: "trading_announcement_invitees",
                columns: new[] { "announcement_id", "credit_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_announcement_invitees_organization_id",
                table: "trading_announcement_invitees",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_announcement_lots_announcement_id",
                table: "trading_announcement_lots",
                column: "announcement_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_announcement_lots_lot_id",
                table: "trading_announcement_lots",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_announcements_amends_id",
                table: "trading_announcements",
                column: "amends_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_announcements_project_id",
                table: "trading_announcements",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_announcements_published_at",
                table: "trading_announcements",
                column: "published_at");

            migrationBuilder.CreateIndex(
                name: "IX_trading_announcements_status_publish_at",
                table: "trading_announcements",
                columns: new[] { "status", "publish_at" });

            migrationBuilder.CreateIndex(
                name: "IX_trading_invitee_draws_announcement_id",
                table: "trading_invitee_draws",
                column: "announcement_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trading_announcement_attachments");

            migrationBuilder.DropTable(
                name: "trading_announcement_invitees");

            migrationBuilder.DropTable(
                name: "trading_announcement_lots");

            migrationBuilder.DropTable(
                name: "trading_invitee_draws");

            migrationBuilder.DropTable(
                name: "trading_announcements");
        }
    }
}
