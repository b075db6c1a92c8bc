using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BankCrm.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddCustomerScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customer_needs",
                columns: table => new
                {
                    run_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    customer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    need_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    evidence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_needs", x => new { x.run_date, x.customer_id, x.need_code });
                    table.ForeignKey(
                        name: "fk_customer_needs_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "customer_scores",
                columns: table => new
                {
                    run_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    customer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    recency_days = table.Column<int>(type: "INTEGER", nullable: true),
                    frequency = table.Column<int>(type: "INTEGER", nullable: false),
                    monetary = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    recency_score = table.Column<byte>(type: "INTEGER", nullable: false),
                    frequency_score = table.Column<byte>(type: "INTEGER", nullable: false),
                    monetary_score = table.Column<byte>(type: "INTEGER", nullable: false),
                    aum = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    lifecycle_stage = table.Column<int>(type: "INTEGER", nullable: false),
                    stage_since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    value_tier = table.Column<int>(type: "INTEGER", nullable: false),
                    customer_class = table.Column<int>(type: "INTEGER", nullable: false),
                    product_penetration = table.Column<int>(type: "INTEGER", nullable: false),
                    health_value = table.Column<int>(type: "INTEGER", nullable: false),
                    health_behaviour = table.Column<int>(type: "INTEGER", nullable: false),
                    health_satisfaction = table.Column<int>(type: "INTEGER", nullable: false),
                    health_score = table.Column<int>(type: "INTEGER", nullable: false),
                    churn_probability = table.Column<double>(type: "REAL", nullable: true),
                    churn_factors = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    churn_model_version = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_scores", x => new { x.run_date, x.customer_id });
                    table.ForeignKey(
                        name: "fk_customer_scores_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scoring_runs",
                columns: table => new
                {
                    run_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    customers_total = table.Column<int>(type: "INTEGER", nullable: false),
                    customers_scored = table.Column<int>(type: "INTEGER", nullable: false),
                    last_customer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    started_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scoring_runs", x => x.run_date);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customer_needs_customer_id_run_date",
                table: "customer_needs",
                columns: new[] { "customer_id", "run_date" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_scores_customer_id_run_date",
                table: "customer_scores",
                columns: new[] { "customer_id", "run_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_needs");

            migrationBuilder.DropTable(
                name: "customer_scores");

            migrationBuilder.DropTable(
                name: "scoring_runs");
        }
    }
}
