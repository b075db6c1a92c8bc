using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BankCrm.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddDemoBankTruth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "demo_bank_truth",
                columns: table => new
                {
                    customer_id = table.Column<long>(type: "bigint", nullable: false),
                    future_churner = table.Column<bool>(type: "boolean", nullable: false),
                    aml_pattern = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_demo_bank_truth", x => x.customer_id);
                    table.ForeignKey(
                        name: "fk_demo_bank_truth_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "demo_bank_truth");
        }
    }
}
