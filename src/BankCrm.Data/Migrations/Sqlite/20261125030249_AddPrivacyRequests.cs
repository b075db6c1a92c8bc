using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BankCrm.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPrivacyRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "privacy_requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    customer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    requester_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    logged_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    handled_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    handled_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    rejection_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    json_exported_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    html_exported_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_privacy_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_privacy_requests_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "privacy_corrections",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    request_id = table.Column<long>(type: "INTEGER", nullable: false),
                    customer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    changes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    base_version = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    proposed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    proposed_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    proposed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decided_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    decision_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_privacy_corrections", x => x.id);
                    table.ForeignKey(
                        name: "fk_privacy_corrections_privacy_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "privacy_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "privacy_request_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    request_id = table.Column<long>(type: "INTEGER", nullable: false),
                    from_status = table.Column<int>(type: "INTEGER", nullable: true),
                    to_status = table.Column<int>(type: "INTEGER", nullable: false),
                    changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    changed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    changed_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_privacy_request_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_privacy_request_changes_privacy_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "privacy_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_privacy_corrections_request_id",
                table: "privacy_corrections",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_privacy_request_changes_request_id",
                table: "privacy_request_changes",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_privacy_requests_customer_id",
                table: "privacy_requests",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_privacy_requests_status_due_on",
                table: "privacy_requests",
                columns: new[] { "status", "due_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "privacy_corrections");

            migrationBuilder.DropTable(
                name: "privacy_request_changes");

            migrationBuilder.DropTable(
                name: "privacy_requests");
        }
    }
}
