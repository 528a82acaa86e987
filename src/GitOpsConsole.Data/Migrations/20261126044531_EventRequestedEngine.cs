using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GitOpsConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventRequestedEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RequestedEngine",
                table: "TriggerEvents",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RequestedEngine",
                table: "TriggerEvents");
        }
    }
}
