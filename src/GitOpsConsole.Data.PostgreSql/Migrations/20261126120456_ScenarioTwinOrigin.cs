using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GitOpsConsole.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ScenarioTwinOrigin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Applications",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Configured");

            migrationBuilder.AddColumn<long>(
                name: "RetiredAt",
                table: "Applications",
                type: "bigint",
                nullable: true);

            // Twins the lab made before the column existed: the applications its scenario runs name.
            migrationBuilder.Sql(
                """
                UPDATE "Applications" SET "Origin" = 'ScenarioTwin'
                WHERE "Name" IN (SELECT "WorkflowApplication" FROM "ScenarioRuns" WHERE "WorkflowApplication" IS NOT NULL)
                   OR "Name" IN (SELECT "AgentApplication" FROM "ScenarioRuns" WHERE "AgentApplication" IS NOT NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Origin",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "Applications");
        }
    }
}
