using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ggzy.Migrations.Postgres.Experts
{
    /// <inheritdoc />
    public partial class ExpertsEmploymentsCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_experts_employments_employer_credit_code",
                table: "experts_employments");

            migrationBuilder.CreateIndex(
                name: "IX_experts_employments_employer_jobs",
                table: "experts_employments",
                columns: new[] { "employer_credit_code", "expert_id", "from", "until" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_experts_employments_employer_jobs",
                table: "experts_employments");

            migrationBuilder.CreateIndex(
                name: "IX_experts_employments_employer_credit_code",
                table: "experts_employments",
                column: "employer_credit_code");
        }
    }
}
