using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BankCrm.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddTagsAndSegments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "segments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    rule = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    owner_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    owner_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_segments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tag_definitions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    rule = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    starter_code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    refreshed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    customer_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tag_definitions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "segment_shares",
                columns: table => new
                {
                    segment_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    principal = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_segment_shares", x => new { x.segment_id, x.kind, x.principal });
                    table.ForeignKey(
                        name: "fk_segment_shares_segments_segment_id",
                        column: x => x.segment_id,
                        principalTable: "segments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "customer_tags",
                columns: table => new
                {
                    customer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    tag_id = table.Column<long>(type: "INTEGER", nullable: false),
                    source = table.Column<int>(type: "INTEGER", nullable: false),
                    since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    set_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_tags", x => new { x.tag_id, x.customer_id });
                    table.ForeignKey(
                        name: "fk_customer_tags_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_customer_tags_tag_definitions_tag_id",
                        column: x => x.tag_id,
                        principalTable: "tag_definitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customer_tags_customer_id",
                table: "customer_tags",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_segment_shares_kind_principal",
                table: "segment_shares",
                columns: new[] { "kind", "principal" });

            migrationBuilder.CreateIndex(
                name: "ix_segments_owner_id",
                table: "segments",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_tag_definitions_name",
                table: "tag_definitions",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tag_definitions_starter_code",
                table: "tag_definitions",
                column: "starter_code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_tags");

            migrationBuilder.DropTable(
                name: "segment_shares");

            migrationBuilder.DropTable(
                name: "tag_definitions");

            migrationBuilder.DropTable(
                name: "segments");
        }
    }
}
