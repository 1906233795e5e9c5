using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiGO.Domain.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HoursAttended",
                table: "Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HoursHeld",
                table: "Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "QuestionnaireSubmittedAt",
                table: "Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectionCode",
                table: "Applications",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TestPassed",
                table: "Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "QuestionnaireResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionKey = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
