using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BankCrm.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EncryptSensitiveColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_customers_id_number",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_mobile",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_accounts_account_number",
                table: "accounts");

            migrationBuilder.AddColumn<string>(
                name: "id_number_index",
                table: "customers",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "mobile_index",
                table: "customers",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "account_number_index",
                table: "accounts",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_id_number_index",
                table: "customers",
                column: "id_number_index");

            migrationBuilder.CreateIndex(
                name: "ix_customers_mobile_index",
                table: "customers",
                column: "mobile_index");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_account_number_index",
                table: "accounts",
                column: "account_number_index",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_customers_id_number_index",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_mobile_index",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_accounts_account_number_index",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "id_number_index",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "mobile_index",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "account_number_index",
                table: "accounts");

            migrationBuilder.CreateIndex(
                name: "ix_customers_id_number",
                table: "customers",
                column: "id_number");

            migrationBuilder.CreateIndex(
                name: "ix_customers_mobile",
                table: "customers",
                column: "mobile");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_account_number",
                table: "accounts",
                column: "account_number",
                unique: true);
        }
    }
}
