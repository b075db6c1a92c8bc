using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BankCrm.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddConsentRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consent_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    customer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: true),
                    granted = table.Column<bool>(type: "INTEGER", nullable: false),
                    source = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    evidence_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    withdrawn_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consent_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_consent_records_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_consent_records_customer_id_purpose_recorded_at",
                table: "consent_records",
                columns: new[] { "customer_id", "purpose", "recorded_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consent_records");
        }
    }
}
