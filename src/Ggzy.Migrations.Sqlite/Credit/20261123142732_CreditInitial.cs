using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Sqlite.Credit
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    credit_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: false),
                    legal_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 6, nullable: false),
                    legal_representative = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    contact_person = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    contact_phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    roles = table.Column<int>(type: "INTEGER", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    registered_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_market_entities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "credit_commitment_signatures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    market_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    text_digest = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    signed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    signed_by = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    signed_by_account = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_commitment_signatures", x => x.id);
                    table.ForeignKey(
                        name: "FK_credit_commitment_signatures_credit_market_entities_market_entity_id",
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
