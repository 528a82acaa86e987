using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GitOpsConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScenarioLabRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScenarioRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Scenario = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    WorkflowApplication = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    AgentApplication = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    WorkflowRunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgentRunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WorkflowEndJson = table.Column<string>(type: "TEXT", nullable: true),
                    AgentEndJson = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScenarioRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScenarioRuns_Runs_AgentRunId",
                        column: x => x.AgentRunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ScenarioRuns_Runs_WorkflowRunId",
                        column: x => x.WorkflowRunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioRuns_AgentRunId",
                table: "ScenarioRuns",
                column: "AgentRunId");

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioRuns_BatchId",
                table: "ScenarioRuns",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioRuns_Scenario_CreatedAt",
                table: "ScenarioRuns",
                columns: new[] { "Scenario", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioRuns_WorkflowRunId",
                table: "ScenarioRuns",
                column: "WorkflowRunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScenarioRuns");
        }
    }
}
