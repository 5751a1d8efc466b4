using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Sqlite.Experts
{
    /// <inheritdoc />
    public partial class ExpertsInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "experts_experts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    identity_cipher = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    identity_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    title_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    title_level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    senior_equivalence = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    practising_since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experts_experts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "experts_specialties",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    sector = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    confirmed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experts_specialties", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "experts_employments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    expert_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employer_credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    employer_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    until = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experts_employments", x => x.id);
                    table.ForeignKey(
                        name: "FK_experts_employments_experts_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts_experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "experts_leaves",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    expert_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    withdrawn_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experts_leaves", x => x.id);
                    table.ForeignKey(
                        name: "FK_experts_leaves_experts_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts_experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "experts_relatives",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    expert_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    relationship = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    name_cipher = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    employer_credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    employer_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    declared_at = table.Column<long>(type: "INTEGER", nullable: false),
                    withdrawn_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experts_relatives", x => x.id);
                    table.ForeignKey(
                        name: "FK_experts_relatives_experts_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts_experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "experts_status_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    expert_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    lifts_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    basis = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    decided_by_role = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experts_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "FK_experts_status_changes_experts_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts_experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_experts_status_changes_experts_status_changes_lifts_id",
                        column: x => x.lifts_id,
                        principalTable: "experts_status_changes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "experts_expert_specialties",
                columns: table => new
                {
                    expert_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    specialty_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experts_expert_specialties", x => new { x.expert_id, x.specialty_code });
                    table.ForeignKey(
                        name: "FK_experts_expert_specialties_experts_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts_experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_experts_expert_specialties_experts_specialties_specialty_code",
                        column: x => x.specialty_code,
                        principalTable: "experts_specialties",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_experts_employments_employer_credit_code",
                table: "experts_employments",
                column: "employer_credit_code");

            migrationBuilder.CreateIndex(
                name: "IX_experts_employments_expert_id",
                table: "experts_employments",
                column: "expert_id");

            migrationBuilder.CreateIndex(
                name: "IX_experts_expert_specialties_specialty_code_expert_id",
                table: "experts_expert_specialties",
                columns: new[] { "specialty_code", "expert_id" });

            migrationBuilder.CreateIndex(
                name: "IX_experts_experts_identity_key",
                table: "experts_experts",
                column: "identity_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_experts_experts_number",
                table: "experts_experts",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_experts_experts_user_id",
                table: "experts_experts",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_experts_leaves_expert_id_until",
                table: "experts_leaves",
                columns: new[] { "expert_id", "until" });

            migrationBuilder.CreateIndex(
                name: "IX_experts_relatives_employer_credit_code",
                table: "experts_relatives",
                column: "employer_credit_code");

            migrationBuilder.CreateIndex(
                name: "IX_experts_relatives_expert_id",
                table: "experts_relatives",
                column: "expert_id");

            migrationBuilder.CreateIndex(
                name: "IX_experts_status_changes_expert_id_recorded_at",
                table: "experts_status_changes",
                columns: new[] { "expert_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "IX_experts_status_changes_lifts_id",
                table: "experts_status_changes",
                column: "lifts_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_experts_status_changes_status_recorded_at",
                table: "experts_status_changes",
                columns: new[] { "status", "recorded_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "experts_employments");

            migrationBuilder.DropTable(
                name: "experts_expert_specialties");

            migrationBuilder.DropTable(
                name: "experts_leaves");

            migrationBuilder.DropTable(
                name: "experts_relatives");

            migrationBuilder.DropTable(
                name: "experts_status_changes");

            migrationBuilder.DropTable(
                name: "experts_specialties");

            migrationBuilder.DropTable(
                name: "experts_experts");
        }
    }
}
