using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AbsoluteZero.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class EvalSampleDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "base_passed",
                table: "eval_samples",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "plus_passed",
                table: "eval_samples",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "prompt",
                table: "eval_samples",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reference",
                table: "eval_samples",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "truncated",
                table: "eval_samples",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "base_passed",
                table: "eval_samples");

            migrationBuilder.DropColumn(
                name: "plus_passed",
                table: "eval_samples");

            migrationBuilder.DropColumn(
                name: "prompt",
                table: "eval_samples");

            migrationBuilder.DropColumn(
                name: "reference",
                table: "eval_samples");

            migrationBuilder.DropColumn(
                name: "truncated",
                table: "eval_samples");
        }
    }
}
