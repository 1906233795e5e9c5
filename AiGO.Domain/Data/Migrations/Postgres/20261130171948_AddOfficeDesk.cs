using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiGO.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddOfficeDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LiftReason",
                table: "Sanctions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LiftedAt",
                table: "Sanctions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LiftedBy",
                table: "Sanctions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NationalIdMasked",
                table: "MemberProfiles",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberProfiles_NationalIdMasked",
                table: "MemberProfiles",
                column: "NationalIdMasked");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MemberProfiles_NationalIdMasked",
                table: "MemberProfiles");

            migrationBuilder.DropColumn(
                name: "LiftReason",
                table: "Sanctions");

            migrationBuilder.DropColumn(
                name: "LiftedAt",
                table: "Sanctions");

            migrationBuilder.DropColumn(
                name: "LiftedBy",
                table: "Sanctions");

            migrationBuilder.DropColumn(
                name: "NationalIdMasked",
                table: "MemberProfiles");
        }
    }
}
