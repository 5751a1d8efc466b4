using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Postgres.Credit
{
    /// <inheritdoc />
    public partial class CreditStaffAndProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "administrator_user_id",
                table: "credit_market_entities",
                type: "uuid",
                nullable: true);

            // Entities registered before this version: their administrator is the account created at registration,
            // the organisation's first (ADR 0010).
            migrationBuilder.Sql(
                "UPDATE credit_market_entities SET administrator_user_id = (SELECT u.id FROM platform_users u " +
                "WHERE u.organization_id = credit_market_entities.organization_id ORDER BY u.created_at, u.id LIMIT 1) " +
                "WHERE administrator_user_id IS NULL;");

            migrationBuilder.CreateTable(
                name: "credit_performances",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    market_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    client = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    replaces_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawn_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_performances", x => x.id);
                    table.ForeignKey(
                        name: "FK_credit_performances_credit_market_entities_market_entity_id",
                        column: x => x.market_entity_id,
                        principalTable: "credit_market_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_credit_performances_credit_performances_replaces_id",
                        column: x => x.replaces_id,
                        principalTable: "credit_performances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "credit_qualifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    market_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    certificate_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    issuing_authority = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    level = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: false),
                    replaces_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawn_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_qualifications", x => x.id);
                    table.ForeignKey(
                        name: "FK_credit_qualifications_credit_market_entities_market_entity_~",
                        column: x => x.market_entity_id,
                        principalTable: "credit_market_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_credit_qualifications_credit_qualifications_replaces_id",
                        column: x => x.replaces_id,
                        principalTable: "credit_qualifications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "credit_staff_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    market_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    roles = table.Column<int>(type: "integer", nullable: false),
                    token_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    accepted_user_name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_staff_invitations", x => x.id);
                    table.ForeignKey(
                        name: "FK_credit_staff_invitations_credit_market_entities_market_enti~",
                        column: x => x.market_entity_id,
                        principalTable: "credit_market_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_credit_performances_market_entity_id",
                table: "credit_performances",
                column: "market_entity_id");

            migrationBuilder.CreateIndex(
                name: "IX_credit_performances_replaces_id",
                table: "credit_performances",
                column: "replaces_id");

            migrationBuilder.CreateIndex(
                name: "IX_credit_qualifications_market_entity_id",
                table: "credit_qualifications",
                column: "market_entity_id");

            migrationBuilder.CreateIndex(
                name: "IX_credit_qualifications_replaces_id",
                table: "credit_qualifications",
                column: "replaces_id");

            migrationBuilder.CreateIndex(
                name: "IX_credit_staff_invitations_market_entity_id",
                table: "credit_staff_invitations",
                column: "market_entity_id");

            migrationBuilder.CreateIndex(
                name: "IX_credit_staff_invitations_token_hash",
                table: "credit_staff_invitations",
                column: "token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credit_performances");

            migrationBuilder.DropTable(
                name: "credit_qualifications");

            migrationBuilder.DropTable(
                name: "credit_staff_invitations");

            migrationBuilder.DropColumn(
                name: "administrator_user_id",
                table: "credit_market_entities");
        }
    }
}
