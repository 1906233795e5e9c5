using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiGO.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddApplicationConsents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AffidavitVersion",
                table: "Applications",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ConsentedAt",
                table: "Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PrerequisitesAgreed",
                table: "Applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PrivacyConsentVersion",
                table: "Applications",
                type: "TEXT",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AffidavitVersion",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ConsentedAt",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "PrerequisitesAgreed",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "PrivacyConsentVersion",
                table: "Applications");
        }
    }
}
