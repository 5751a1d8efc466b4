using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ggzy.Migrations.Postgres.Experts
{
    /// <inheritdoc />
    public partial class ExpertsInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "experts_draws",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    lot_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    project_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    regime = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    budget_yuan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    center_id = table.Column<Guid>(type: "uuid", nullable: true),
                    tenderer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenderer_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    tenderer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: true),
                    agency_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    agency_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    requested_by_organization = table.Column<Guid>(type: "uuid", nullable: false),
                    evaluation_starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sites = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    demands = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    members = table.Column<int>(type: "integer", nullable: false),
                    representatives = table.Column<int>(type: "integer", nullable: false),
                    complex_or_high_impact = table.Column<bool>(type: "boolean", nullable: false),
                    draw_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    failure_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    pseudonym_key = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experts_draws", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "experts_experts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    identity_cipher = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    identity_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    title_level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    senior_equivalence = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    practising_since = table.Column<DateOnly>(type: "date", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experts_experts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "experts_simulated_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    recipient = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    draw_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seat_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experts_simulated_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "experts_specialties",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    parent_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    sector = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    confirmed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experts_specialties", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "experts_draw_rounds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    draw_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    drawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    seed_protected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    seed_commitment = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    seed = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    snapshot = table.Column<string>(type: "text", nullable: false),
                    snapshot_digest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    selection_digest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    candidates = table.Column<int>(type: "integer", nullable: false),
                    exclusions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    excluded_protected = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experts_draw_rounds", x => x.id);
                    table.ForeignKey(
                        name: "FK_experts_draw_rounds_experts_draws_draw_id",
                        column: x => x.draw_id,
                        principalTable: "experts_draws",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "experts_draw_seats",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    draw_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    specialty = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    site = table.Column<int>(type: "integer", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pseudonym = table.Column<string>(type: "character(32)", fixedLength: true, maxLength: 32, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    notified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answer_by = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answer_code = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    answer_attempts = table.Column<int>(type: "integer", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decline_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    sign_in_code = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    sign_in_attempts = table.Column<int>(type: "integer", nullable: false),
                    signed_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    commitment_version = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    commitment_digest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    replaced_in_round = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experts_draw_seats", x => x.id);
                    table.ForeignKey(
                        name: "FK_experts_draw_seats_experts_draws_draw_id",
                        column: x => x.draw_id,
                        principalTable: "experts_draws",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "experts_employments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employer_credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    employer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    until = table.Column<DateOnly>(type: "date", nullable: true)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    until = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    relationship = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name_cipher = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    employer_credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    employer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    declared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    lifts_id = table.Column<Guid>(type: "uuid", nullable: true),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    until = table.Column<DateOnly>(type: "date", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    basis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    decided_by_role = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    specialty_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
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
                        name: "FK_experts_expert_specialties_experts_specialties_specialty_co~",
                        column: x => x.specialty_code,
                        principalTable: "experts_specialties",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "experts_ratings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    draw_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seat_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    rater = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    rater_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    grade = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experts_ratings", x => x.id);
                    table.ForeignKey(
                        name: "FK_experts_ratings_experts_draw_seats_seat_id",
                        column: x => x.seat_id,
                        principalTable: "experts_draw_seats",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_experts_ratings_experts_draws_draw_id",
                        column: x => x.draw_id,
                        principalTable: "experts_draws",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_experts_ratings_experts_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts_experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_experts_draw_rounds_draw_id_number",
                table: "experts_draw_rounds",
                columns: new[] { "draw_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_experts_draw_seats_draw_id_expert_id",
                table: "experts_draw_seats",
                columns: new[] { "draw_id", "expert_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_experts_draw_seats_draw_id_round_position",
                table: "experts_draw_seats",
                columns: new[] { "draw_id", "round", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_experts_draw_seats_expert_id_state",
                table: "experts_draw_seats",
                columns: new[] { "expert_id", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_experts_draw_seats_state_answer_by",
                table: "experts_draw_seats",
                columns: new[] { "state", "answer_by" });

            migrationBuilder.CreateIndex(
                name: "IX_experts_draws_lot_id",
                table: "experts_draws",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "IX_experts_draws_state_draw_at",
                table: "experts_draws",
                columns: new[] { "state", "draw_at" });

            migrationBuilder.CreateIndex(
                name: "IX_experts_draws_tenderer_code_evaluation_starts_at",
                table: "experts_draws",
                columns: new[] { "tenderer_code", "evaluation_starts_at" });

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
                name: "IX_experts_ratings_draw_id",
                table: "experts_ratings",
                column: "draw_id");

            migrationBuilder.CreateIndex(
                name: "IX_experts_ratings_expert_id_lot_id_rater",
                table: "experts_ratings",
                columns: new[] { "expert_id", "lot_id", "rater" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_experts_ratings_rated_at",
                table: "experts_ratings",
                column: "rated_at");

            migrationBuilder.CreateIndex(
                name: "IX_experts_ratings_seat_id",
                table: "experts_ratings",
                column: "seat_id");

            migrationBuilder.CreateIndex(
                name: "IX_experts_relatives_employer_credit_code",
                table: "experts_relatives",
                column: "employer_credit_code");

            migrationBuilder.CreateIndex(
                name: "IX_experts_relatives_expert_id",
                table: "experts_relatives",
                column: "expert_id");

            migrationBuilder.CreateIndex(
                name: "IX_experts_simulated_messages_expert_id",
                table: "experts_simulated_messages",
                column: "expert_id");

            migrationBuilder.CreateIndex(
                name: "IX_experts_simulated_messages_sent_at",
                table: "experts_simulated_messages",
                column: "sent_at");

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
                name: "experts_draw_rounds");

            migrationBuilder.DropTable(
                name: "experts_employments");

            migrationBuilder.DropTable(
                name: "experts_expert_specialties");

            migrationBuilder.DropTable(
                name: "experts_leaves");

            migrationBuilder.DropTable(
                name: "experts_ratings");

            migrationBuilder.DropTable(
                name: "experts_relatives");

            migrationBuilder.DropTable(
                name: "experts_simulated_messages");

            migrationBuilder.DropTable(
                name: "experts_status_changes");

            migrationBuilder.DropTable(
                name: "experts_specialties");

            migrationBuilder.DropTable(
                name: "experts_draw_seats");

            migrationBuilder.DropTable(
                name: "experts_experts");

            migrationBuilder.DropTable(
                name: "experts_draws");
        }
    }
}
