using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiGO.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddCourseSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "HoursHeld",
                table: "Applications",
                newName: "MinutesHeld");

            migrationBuilder.RenameColumn(
                name: "HoursAttended",
                table: "Applications",
                newName: "MinutesAttended");

            // The attendance totals were whole hours; they are minutes now.
            migrationBuilder.Sql("UPDATE \"Applications\" SET \"MinutesHeld\" = \"MinutesHeld\" * 60, \"MinutesAttended\" = \"MinutesAttended\" * 60;");

            migrationBuilder.AddColumn<bool>(
                name: "NoPrerequisites",
                table: "Courses",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "AttendanceWarningSentAt",
                table: "Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CourseSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourseSessions", x => x.Id);
                    table.CheckConstraint("CK_Session_Minutes", "\"Minutes\" > 0");
                    table.ForeignKey(
                        name: "FK_CourseSessions_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionAttendance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    MinutesAttended = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionAttendance", x => x.Id);
                    table.CheckConstraint("CK_Attendance_Minutes", "\"MinutesAttended\" >= 0");
                    table.ForeignKey(
                        name: "FK_SessionAttendance_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionAttendance_CourseSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CourseSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CourseSessions_CourseId_Date_Start",
                table: "CourseSessions",
                columns: new[] { "CourseId", "Date", "Start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionAttendance_ApplicationId",
                table: "SessionAttendance",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionAttendance_SessionId_ApplicationId",
                table: "SessionAttendance",
                columns: new[] { "SessionId", "ApplicationId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SessionAttendance");

            migrationBuilder.DropTable(
                name: "CourseSessions");

            migrationBuilder.DropColumn(
                name: "NoPrerequisites",
                table: "Courses");

            migrationBuilder.DropColumn(
                name: "AttendanceWarningSentAt",
                table: "Applications");

            migrationBuilder.RenameColumn(
                name: "MinutesHeld",
                table: "Applications",
                newName: "HoursHeld");

            migrationBuilder.RenameColumn(
                name: "MinutesAttended",
                table: "Applications",
                newName: "HoursAttended");

            migrationBuilder.Sql("UPDATE \"Applications\" SET \"HoursHeld\" = \"HoursHeld\" / 60, \"HoursAttended\" = \"HoursAttended\" / 60;");
        }
    }
}
