using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AiGO.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddCourseManagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CertificateIssuedOn",
                table: "Applications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HoursAttended",
                table: "Applications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HoursHeld",
                table: "Applications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "QuestionnaireSubmittedAt",
                table: "Applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectionCode",
                table: "Applications",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TestPassed",
                table: "Applications",
                type: "boolean",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "QuestionnaireResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnaireResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionnaireResponses_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuestionnaireAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<int>(type: "integer", nullable: false),
                    QuestionKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnaireAnswers", x => x.Id);
                    table.CheckConstraint("CK_Answer_Rating", "\"Rating\" IS NULL OR (\"Rating\" >= 1 AND \"Rating\" <= 5)");
                    table.ForeignKey(
                        name: "FK_QuestionnaireAnswers_QuestionnaireResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "QuestionnaireResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireAnswers_ResponseId",
                table: "QuestionnaireAnswers",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireResponses_ApplicationId",
                table: "QuestionnaireResponses",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireResponses_CourseId",
                table: "QuestionnaireResponses",
                column: "CourseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuestionnaireAnswers");

            migrationBuilder.DropTable(
                name: "QuestionnaireResponses");

            migrationBuilder.DropColumn(
                name: "CertificateIssuedOn",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "HoursAttended",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "HoursHeld",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "QuestionnaireSubmittedAt",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "RejectionCode",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "TestPassed",
                table: "Applications");
        }
    }
}
