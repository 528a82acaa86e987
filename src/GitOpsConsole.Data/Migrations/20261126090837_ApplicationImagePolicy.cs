using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GitOpsConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApplicationImagePolicy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImagePolicy_AllowTags",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImagePolicy_Constraint",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImagePolicy_IgnoreTags",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImagePolicy_Strategy",
                table: "Applications",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
