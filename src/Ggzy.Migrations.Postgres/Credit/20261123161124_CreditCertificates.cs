using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Postgres.Credit
{
    /// <inheritdoc />
    public partial class CreditCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "credit_bound_certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    market_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    der = table.Column<byte[]>(type: "bytea", nullable: false),
                    serial_number = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    issuer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    subject = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    fingerprint = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    key_algorithm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    not_before = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    not_after = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    bound_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    bound_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    unbound_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    unbound_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_bound_certificates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "credit_sign_in_challenges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    bound_certificate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fingerprint = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    intermediates = table.Column<byte[]>(type: "bytea", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_sign_in_challenges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "credit_trusted_authorities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    der = table.Column<byte[]>(type: "bytea", nullable: false),
                    subject = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    issuer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    fingerprint = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    key_algorithm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    not_before = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    not_after = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_root = table.Column<bool>(type: "boolean", nullable: false),
                    crl_der = table.Column<byte[]>(type: "bytea", nullable: true),
                    crl_this_update = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    crl_next_update = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    crl_updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    crl_updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    added_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    removed_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_trusted_authorities", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_credit_bound_certificates_fingerprint",
                table: "credit_bound_certificates",
                column: "fingerprint");

            migrationBuilder.CreateIndex(
                name: "IX_credit_bound_certificates_organization_id",
                table: "credit_bound_certificates",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_credit_trusted_authorities_fingerprint",
                table: "credit_trusted_authorities",
                column: "fingerprint");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credit_bound_certificates");

            migrationBuilder.DropTable(
                name: "credit_sign_in_challenges");

            migrationBuilder.DropTable(
                name: "credit_trusted_authorities");
        }
    }
}
