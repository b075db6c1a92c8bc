using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BankCrm.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddAuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    customer_id = table.Column<long>(type: "INTEGER", nullable: true),
                    fields = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    detail = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    remote_ip = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    previous_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_action",
                table: "audit_entries",
                column: "action");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor_name",
                table: "audit_entries",
                column: "actor_name");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_customer_id",
                table: "audit_entries",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_occurred_at",
                table: "audit_entries",
                column: "occurred_at");

            // Append-only, as on PostgreSQL; anyone with the database file can drop these, which `audit verify` detects.
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
                BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only: UPDATE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
                BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only: DELETE refused'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");
        }
    }
}
