using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Postgres.Credit
{
    /// <inheritdoc />
    public partial class CreditInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "credit_market_entities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    credit_code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    legal_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    legal_representative = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    contact_person = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    contact_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    roles = table.Column<int>(type: "integer", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_market_entities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "credit_commitment_signatures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    market_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    text_digest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signed_by = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    signed_by_account = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_commitment_signatures", x => x.id);
                    table.ForeignKey(
                        name: "FK_credit_commitment_signatures_credit_market_entities_market_~",
                        column: x => x.market_entity_id,
                        principalTable: "credit_market_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_credit_commitment_signatures_market_entity_id_version",
                table: "credit_commitment_signatures",
                columns: new[] { "market_entity_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_credit_market_entities_credit_code",
                table: "credit_market_entities",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_credit_market_entities_organization_id",
                table: "credit_market_entities",
                column: "organization_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credit_commitment_signatures");

            migrationBuilder.DropTable(
                name: "credit_market_entities");
        }
    }
}
