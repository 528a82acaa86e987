using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GitOpsConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class RunPerEventAndEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Runs_TriggerEventId",
                table: "Runs");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_TriggerEventId_Engine",
                table: "Runs",
                columns: new[] { "TriggerEventId", "Engine" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Runs_TriggerEventId_Engine",
                table: "Runs");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_TriggerEventId",
                table: "Runs",
                column: "TriggerEventId");
        }
    }
}
