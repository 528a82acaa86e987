using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GitOpsConsole.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ScenarioLabRuns : Migration
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ImagePolicy_AllowTags",
                table: "Applications",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImagePolicy_Constraint",
                table: "Applications",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "ImagePolicy_IgnoreTags",
                table: "Applications",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImagePolicy_Strategy",
                table: "Applications",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Instructions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    SentBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SentAt = table.Column<long>(type: "bigint", nullable: false),
                    ReadAt = table.Column<long>(type: "bigint", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "ScenarioRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: true),
                    Scenario = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true),
                    WorkflowApplication = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    AgentApplication = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    WorkflowRunId = table.Column<Guid>(type: "uuid", nullable: true),
                    AgentRunId = table.Column<Guid>(type: "uuid", nullable: true),
                    WorkflowEndJson = table.Column<string>(type: "text", nullable: true),
                    AgentEndJson = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: true)
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
                name: "IX_Questions_RunId_StepSequence",
                table: "Questions",
                columns: new[] { "RunId", "StepSequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Instructions_RunId_ReadAt",
                table: "Instructions",
                columns: new[] { "RunId", "ReadAt" });

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
                name: "Instructions");

            migrationBuilder.DropTable(
                name: "ScenarioRuns");

            migrationBuilder.DropIndex(
                name: "IX_Questions_RunId_StepSequence",
                table: "Questions");

            migrationBuilder.DropColumn(
                name: "StepSequence",
                table: "Questions");

            migrationBuilder.DropColumn(
                name: "ImagePolicy_AllowTags",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ImagePolicy_Constraint",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ImagePolicy_IgnoreTags",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ImagePolicy_Strategy",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Questions_RunId",
                table: "Questions",
                column: "RunId");
        }
    }
}
