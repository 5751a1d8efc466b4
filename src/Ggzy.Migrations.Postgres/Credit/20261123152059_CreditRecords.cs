using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Postgres.Credit
{
    /// <inheritdoc />
    public partial class CreditRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "credit_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    chain_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    subject_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subject_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    subject_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    refers_to_id = table.Column<Guid>(type: "uuid", nullable: true),
                    lifts_chain_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    deciding_body = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_until = table.Column<DateOnly>(type: "date", nullable: true),
                    facts = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    source_system = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    confidential = table.Column<bool>(type: "boolean", nullable: false),
                    confidential_basis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    entered_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    entered_by_organization = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    publication_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    publication_deadline_provisional = table.Column<bool>(type: "boolean", nullable: false),
                    is_late = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_records", x => x.id);
                    table.ForeignKey(
                        name: "FK_credit_records_credit_records_refers_to_id",
                        column: x => x.refers_to_id,
                        principalTable: "credit_records",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_credit_records_entered_at",
                table: "credit_records",
                column: "entered_at");

            migrationBuilder.CreateIndex(
                name: "IX_credit_records_refers_to_id",
                table: "credit_records",
                column: "refers_to_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_credit_records_source_system_decision_number_kind_action",
                table: "credit_records",
                columns: new[] { "source_system", "decision_number", "kind", "action" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_credit_records_subject_key_decision_date",
                table: "credit_records",
                columns: new[] { "subject_key", "decision_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credit_records");
        }
    }
}
