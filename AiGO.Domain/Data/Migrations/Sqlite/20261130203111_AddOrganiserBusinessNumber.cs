using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiGO.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddOrganiserBusinessNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BusinessNumber",
                table: "Organisers",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisers_BusinessNumber",
                table: "Organisers",
                column: "BusinessNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisers_BusinessNumber",
                table: "Organisers");

            migrationBuilder.DropColumn(
                name: "BusinessNumber",
                table: "Organisers");
        }
    }
}
