using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BankCrm.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditCustomersIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_actor_name",
                table: "audit_entries");

            migrationBuilder.CreateTable(
                name: "audit_entry_customers",
                columns: table => new
                {
                    customer_id = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    entry_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entry_customers", x => new { x.customer_id, x.occurred_at, x.entry_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor_name_id",
                table: "audit_entries",
                columns: new[] { "actor_name", "id" });

            // Entries written before this table existed name at most their one customer: index those too, so "who saw
            // customer X" covers the whole log. The hashed entries themselves are not touched.
            migrationBuilder.Sql("""
                INSERT INTO audit_entry_customers (customer_id, occurred_at, entry_id)
                SELECT customer_id, occurred_at, id FROM audit_entries WHERE customer_id IS NOT NULL;
                """);

            // Append-only like the entries it indexes (the same function refuses every change).
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entry_customers_no_update_delete BEFORE UPDATE OR DELETE ON audit_entry_customers
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                CREATE TRIGGER audit_entry_customers_no_truncate BEFORE TRUNCATE ON audit_entry_customers
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entry_customers");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_actor_name_id",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor_name",
                table: "audit_entries",
                column: "actor_name");
        }
    }
}
