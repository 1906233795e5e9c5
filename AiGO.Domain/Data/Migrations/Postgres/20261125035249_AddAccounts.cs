using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AiGO.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LearningCredits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ProofOriginalName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    ProofStoredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ProofContentType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ProofSize = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningCredits", x => x.Id);
                    table.CheckConstraint("CK_LearningCredit_Points", "\"Points\" >= 0");
                    table.ForeignKey(
                        name: "FK_LearningCredits_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemberProfiles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    NationalIdCipher = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NationalIdHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Birthday = table.Column<DateOnly>(type: "date", nullable: true),
                    IdentityType = table.Column<int>(type: "integer", nullable: true),
                    Gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Phone = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Extension = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Mobile = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    YearsOfWork = table.Column<int>(type: "integer", nullable: true),
                    Residence = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    JobLevel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SpecialIdentity = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Education = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    UnitSize = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    IndustrySection = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    IndustryDivision = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Motivation = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    BusinessNumber = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    CompanyName = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Department = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    JobTitle = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    JobContent = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    School = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Major = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberProfiles", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_MemberProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LearningCredits_Status",
                table: "LearningCredits",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_LearningCredits_UserId_Status",
                table: "LearningCredits",
                columns: new[] { "UserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberProfiles_NationalIdHash",
                table: "MemberProfiles",
                column: "NationalIdHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LearningCredits");

            migrationBuilder.DropTable(
                name: "MemberProfiles");
        }
    }
}
