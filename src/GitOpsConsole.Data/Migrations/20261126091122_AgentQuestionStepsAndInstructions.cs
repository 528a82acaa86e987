using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GitOpsConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgentQuestionStepsAndInstructions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Questions_RunId",
                table: "Questions");

            migrationBuilder.AddColumn<int>(
                name: "StepSequence",
                table: "Questions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Instructions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instructions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Instructions_Runs_RunId",
                        column: x => x.RunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Questions_RunId_StepSequence",
                table: "Questions",
                columns: new[] { "RunId", "StepSequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Instructions_RunId_ReadAt",
                table: "Instructions",
                columns: new[] { "RunId", "ReadAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Instructions");

            migrationBuilder.DropIndex(
                name: "IX_Questions_RunId_StepSequence",
                table: "Questions");

            migrationBuilder.DropColumn(
                name: "StepSequence",
                table: "Questions");

            migrationBuilder.CreateIndex(
                name: "IX_Questions_RunId",
                table: "Questions",
                column: "RunId");
        }
    }
}
