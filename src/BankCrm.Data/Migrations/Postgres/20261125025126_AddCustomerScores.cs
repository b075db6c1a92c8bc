using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BankCrm.Data.Migrations.Postgres
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
                    run_date = table.Column<DateOnly>(type: "date", nullable: false),
                    customer_id = table.Column<long>(type: "bigint", nullable: false),
                    need_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    evidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
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
                    run_date = table.Column<DateOnly>(type: "date", nullable: false),
                    customer_id = table.Column<long>(type: "bigint", nullable: false),
                    recency_days = table.Column<int>(type: "integer", nullable: true),
                    frequency = table.Column<int>(type: "integer", nullable: false),
                    monetary = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    recency_score = table.Column<byte>(type: "smallint", nullable: false),
                    frequency_score = table.Column<byte>(type: "smallint", nullable: false),
                    monetary_score = table.Column<byte>(type: "smallint", nullable: false),
                    aum = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    lifecycle_stage = table.Column<int>(type: "integer", nullable: false),
                    stage_since = table.Column<DateOnly>(type: "date", nullable: false),
                    value_tier = table.Column<int>(type: "integer", nullable: false),
                    customer_class = table.Column<int>(type: "integer", nullable: false),
                    product_penetration = table.Column<int>(type: "integer", nullable: false),
                    health_value = table.Column<int>(type: "integer", nullable: false),
                    health_behaviour = table.Column<int>(type: "integer", nullable: false),
                    health_satisfaction = table.Column<int>(type: "integer", nullable: false),
                    health_score = table.Column<int>(type: "integer", nullable: false),
                    churn_probability = table.Column<double>(type: "double precision", nullable: true),
                    churn_factors = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    churn_model_version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
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
                    run_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    customers_total = table.Column<int>(type: "integer", nullable: false),
                    customers_scored = table.Column<int>(type: "integer", nullable: false),
                    last_customer_id = table.Column<long>(type: "bigint", nullable: false),
                    started_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
