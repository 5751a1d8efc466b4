using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Sqlite.Trading
{
    /// <inheritdoc />
    public partial class EvaluationAwardArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trading_award_objections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bidder_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bidder_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    raised_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    answer_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    answered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    answered_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_award_objections", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_award_objections_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_evaluation_rooms",
                columns: table => new
                {
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    draw_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    stage = table.Column<int>(type: "INTEGER", nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    opened_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    criteria_json = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: false),
                    criteria_digest = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    chair_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    election_round = table.Column<int>(type: "INTEGER", nullable: false),
                    reject_all = table.Column<bool>(type: "INTEGER", nullable: true),
                    competition_argument = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    competition_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    competition_at = table.Column<long>(type: "INTEGER", nullable: true),
                    report_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    report_html = table.Column<string>(type: "TEXT", maxLength: 4194304, nullable: true),
                    report_digest = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: true),
                    report_generated_at = table.Column<long>(type: "INTEGER", nullable: true),
                    signed_html = table.Column<string>(type: "TEXT", maxLength: 4194304, nullable: true),
                    signed_digest = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: true),
                    signed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    result_json = table.Column<string>(type: "TEXT", maxLength: 1048576, nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_evaluation_rooms", x => x.lot_id);
                    table.ForeignKey(
                        name: "FK_trading_evaluation_rooms_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_evaluation_setups",
                columns: table => new
                {
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    criteria_json = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: false),
                    criteria_digest = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    set_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    set_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_evaluation_setups", x => x.lot_id);
                    table.ForeignKey(
                        name: "FK_trading_evaluation_setups_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_lot_archives",
                columns: table => new
                {
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    package_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    digest = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    built_at = table.Column<long>(type: "INTEGER", nullable: false),
                    outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    retention_years = table.Column<int>(type: "INTEGER", nullable: true),
                    retain_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    retention_basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    key_fingerprint = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    entry_count = table.Column<int>(type: "INTEGER", nullable: false),
                    manifest_json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_lot_archives", x => x.lot_id);
                    table.ForeignKey(
                        name: "FK_trading_lot_archives_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_lot_awards",
                columns: table => new
                {
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    report_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    report_digest = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    report_received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    publicity_json = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: true),
                    publicity_starts_at = table.Column<long>(type: "INTEGER", nullable: true),
                    publicity_ends_at = table.Column<long>(type: "INTEGER", nullable: true),
                    publicity_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    winner_bid_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    winner_entity_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    winner_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    winner_rank = table.Column<int>(type: "INTEGER", nullable: true),
                    awarded_price = table.Column<decimal>(type: "TEXT", nullable: true),
                    skip_reason = table.Column<int>(type: "INTEGER", nullable: true),
                    skip_explanation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    awarded_at = table.Column<long>(type: "INTEGER", nullable: true),
                    awarded_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    notice_json = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: true),
                    notice_signature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    notice_digest = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: true),
                    key_fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    result_published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_lot_awards", x => x.lot_id);
                    table.ForeignKey(
                        name: "FK_trading_lot_awards_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_lot_contracts",
                columns: table => new
                {
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    document_json = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: false),
                    digest = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", nullable: false),
                    terms = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    drafted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    drafted_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    purchaser_signed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    purchaser_signed_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    supplier_signed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    supplier_signed_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    signed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    published_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_lot_contracts", x => x.lot_id);
                    table.ForeignKey(
                        name: "FK_trading_lot_contracts_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_lot_retenders",
                columns: table => new
                {
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    predecessor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_lot_retenders", x => x.lot_id);
                    table.ForeignKey(
                        name: "FK_trading_lot_retenders_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_trading_lot_retenders_trading_lots_predecessor_id",
                        column: x => x.predecessor_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_performance_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_performance_records", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_performance_records_trading_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_evaluation_bids",
                columns: table => new
                {
                    bid_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bidder_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    read_out_price = table.Column<decimal>(type: "TEXT", nullable: false),
                    project_leader = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    project_leader_certificate = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    rejected_at = table.Column<int>(type: "INTEGER", nullable: true),
                    rejection_ground = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    rejection_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_evaluation_bids", x => x.bid_id);
                    table.ForeignKey(
                        name: "FK_trading_evaluation_bids_trading_evaluation_rooms_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_evaluation_rooms",
                        principalColumn: "lot_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_evaluation_clarifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bid_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    asked_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    asked_at = table.Column<long>(type: "INTEGER", nullable: false),
                    deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    answered_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    answered_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_evaluation_clarifications", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_evaluation_clarifications_trading_evaluation_rooms_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_evaluation_rooms",
                        principalColumn: "lot_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_evaluation_corrections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bid_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    proposal_json = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: false),
                    corrected_price = table.Column<decimal>(type: "TEXT", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    proposed_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    proposed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_evaluation_corrections", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_evaluation_corrections_trading_evaluation_rooms_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_evaluation_rooms",
                        principalColumn: "lot_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_evaluation_justifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    finding_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_evaluation_justifications", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_evaluation_justifications_trading_evaluation_rooms_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_evaluation_rooms",
                        principalColumn: "lot_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_evaluation_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    specialty = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    site = table.Column<int>(type: "INTEGER", nullable: false),
                    site_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    seat_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    signed_in_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_evaluation_members", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_evaluation_members_trading_evaluation_rooms_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_evaluation_rooms",
                        principalColumn: "lot_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_evaluation_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    stage = table.Column<int>(type: "INTEGER", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bid_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    pass = table.Column<bool>(type: "INTEGER", nullable: false),
                    ground = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_evaluation_reviews", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_evaluation_reviews_trading_evaluation_rooms_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_evaluation_rooms",
                        principalColumn: "lot_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_evaluation_score_revisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bid_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    from = table.Column<decimal>(type: "TEXT", nullable: true),
                    to = table.Column<decimal>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_evaluation_score_revisions", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_evaluation_score_revisions_trading_evaluation_rooms_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_evaluation_rooms",
                        principalColumn: "lot_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_evaluation_scores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bid_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    points_json = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_evaluation_scores", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_evaluation_scores_trading_evaluation_rooms_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_evaluation_rooms",
                        principalColumn: "lot_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_evaluation_signatures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    report_digest = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_evaluation_signatures", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_evaluation_signatures_trading_evaluation_rooms_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_evaluation_rooms",
                        principalColumn: "lot_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trading_evaluation_votes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    round = table.Column<int>(type: "INTEGER", nullable: false),
                    voter_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    candidate_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_evaluation_votes", x => x.id);
                    table.ForeignKey(
                        name: "FK_trading_evaluation_votes_trading_evaluation_rooms_lot_id",
                        column: x => x.lot_id,
                        principalTable: "trading_evaluation_rooms",
                        principalColumn: "lot_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_trading_award_objections_lot_id",
                table: "trading_award_objections",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_evaluation_bids_lot_id",
                table: "trading_evaluation_bids",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_evaluation_clarifications_lot_id_bid_id",
                table: "trading_evaluation_clarifications",
                columns: new[] { "lot_id", "bid_id" });

            migrationBuilder.CreateIndex(
                name: "IX_trading_evaluation_corrections_lot_id_bid_id",
                table: "trading_evaluation_corrections",
                columns: new[] { "lot_id", "bid_id" });

            migrationBuilder.CreateIndex(
                name: "IX_trading_evaluation_justifications_lot_id",
                table: "trading_evaluation_justifications",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_evaluation_members_lot_id_user_name",
                table: "trading_evaluation_members",
                columns: new[] { "lot_id", "user_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_evaluation_members_user_name",
                table: "trading_evaluation_members",
                column: "user_name");

            migrationBuilder.CreateIndex(
                name: "IX_trading_evaluation_reviews_lot_id_stage_member_id_bid_id",
                table: "trading_evaluation_reviews",
                columns: new[] { "lot_id", "stage", "member_id", "bid_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_evaluation_rooms_stage",
                table: "trading_evaluation_rooms",
                column: "stage");

            migrationBuilder.CreateIndex(
                name: "IX_trading_evaluation_score_revisions_lot_id",
                table: "trading_evaluation_score_revisions",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "IX_trading_evaluation_scores_lot_id_member_id_bid_id",
                table: "trading_evaluation_scores",
                columns: new[] { "lot_id", "member_id", "bid_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_evaluation_signatures_lot_id_member_id",
                table: "trading_evaluation_signatures",
                columns: new[] { "lot_id", "member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_evaluation_votes_lot_id_round_voter_id",
                table: "trading_evaluation_votes",
                columns: new[] { "lot_id", "round", "voter_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_lot_archives_package_id",
                table: "trading_lot_archives",
                column: "package_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_lot_awards_publicity_starts_at",
                table: "trading_lot_awards",
                column: "publicity_starts_at");

            migrationBuilder.CreateIndex(
                name: "IX_trading_lot_awards_result_published_at",
                table: "trading_lot_awards",
                column: "result_published_at");

            migrationBuilder.CreateIndex(
                name: "IX_trading_lot_contracts_published_at",
                table: "trading_lot_contracts",
                column: "published_at");

            migrationBuilder.CreateIndex(
                name: "IX_trading_lot_retenders_predecessor_id",
                table: "trading_lot_retenders",
                column: "predecessor_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trading_performance_records_lot_id",
                table: "trading_performance_records",
                column: "lot_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trading_award_objections");

            migrationBuilder.DropTable(
                name: "trading_evaluation_bids");

            migrationBuilder.DropTable(
                name: "trading_evaluation_clarifications");

            migrationBuilder.DropTable(
                name: "trading_evaluation_corrections");

            migrationBuilder.DropTable(
                name: "trading_evaluation_justifications");

            migrationBuilder.DropTable(
                name: "trading_evaluation_members");

            migrationBuilder.DropTable(
                name: "trading_evaluation_reviews");

            migrationBuilder.DropTable(
                name: "trading_evaluation_score_revisions");

            migrationBuilder.DropTable(
                name: "trading_evaluation_scores");

            migrationBuilder.DropTable(
                name: "trading_evaluation_setups");

            migrationBuilder.DropTable(
                name: "trading_evaluation_signatures");

            migrationBuilder.DropTable(
                name: "trading_evaluation_votes");

            migrationBuilder.DropTable(
                name: "trading_lot_archives");

            migrationBuilder.DropTable(
                name: "trading_lot_awards");

            migrationBuilder.DropTable(
                name: "trading_lot_contracts");

            migrationBuilder.DropTable(
                name: "trading_lot_retenders");

            migrationBuilder.DropTable(
                name: "trading_performance_records");

            migrationBuilder.DropTable(
                name: "trading_evaluation_rooms");
        }
    }
}
