using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BankCrm.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddEngagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "event_id",
                table: "interactions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "task_id",
                table: "interactions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "bank_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    starts_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    branch_id = table.Column<int>(type: "INTEGER", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bank_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    segment_id = table.Column<long>(type: "INTEGER", nullable: false),
                    offer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    product_id = table.Column<int>(type: "INTEGER", nullable: true),
                    channel_strategy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    template = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    scheduled_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    control_percent = table.Column<int>(type: "INTEGER", nullable: false),
                    conversion_window_days = table.Column<int>(type: "INTEGER", nullable: false),
                    cost_per_message = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    value_per_conversion = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    approved_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    approved_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    rejection_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    launched_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaigns", x => x.id);
                    table.ForeignKey(
                        name: "fk_campaigns_segments_segment_id",
                        column: x => x.segment_id,
                        principalTable: "segments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "channel_preferences",
                columns: table => new
                {
                    customer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: false),
                    score = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channel_preferences", x => new { x.customer_id, x.channel });
                    table.ForeignKey(
                        name: "fk_channel_preferences_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outbound_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    customer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: false),
                    purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<int>(type: "INTEGER", nullable: false),
                    urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    source_id = table.Column<long>(type: "INTEGER", nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    status_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    lease_owner = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    lease_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    provider_message_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    opened_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    clicked_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    responded_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbound_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_outbound_messages_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "playbooks",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    trigger = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    conditions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    steps = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    exit_rules = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_playbooks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "suppression_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    customer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    added_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    added_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    until = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suppression_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_suppression_entries_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "work_tasks",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    customer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    owner_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    source = table.Column<int>(type: "INTEGER", nullable: false),
                    source_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    due_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    outcome_note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    prescreen_answers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    escalated_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    escalated_to = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_tasks_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "event_attendees",
                columns: table => new
                {
                    event_id = table.Column<long>(type: "INTEGER", nullable: false),
                    customer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    invited_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    registered_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    attended_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    follow_up_task_id = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_attendees", x => new { x.event_id, x.customer_id });
                    table.ForeignKey(
                        name: "fk_event_attendees_bank_events_event_id",
                        column: x => x.event_id,
                        principalTable: "bank_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_event_attendees_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campaign_members",
                columns: table => new
                {
                    campaign_id = table.Column<long>(type: "INTEGER", nullable: false),
                    customer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    is_control = table.Column<bool>(type: "INTEGER", nullable: false),
                    message_id = table.Column<long>(type: "INTEGER", nullable: true),
                    responded_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    converted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    converted_account_id = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_members", x => new { x.campaign_id, x.customer_id });
                    table.ForeignKey(
                        name: "fk_campaign_members_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_campaign_members_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "delivered_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    outbound_message_id = table.Column<long>(type: "INTEGER", nullable: false),
                    customer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: false),
                    masked_recipient = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    delivered_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    delivered_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delivered_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_delivered_messages_outbound_messages_outbound_message_id",
                        column: x => x.outbound_message_id,
                        principalTable: "outbound_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "playbook_enrolments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    playbook_id = table.Column<long>(type: "INTEGER", nullable: false),
                    customer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    occurrence_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    next_step = table.Column<int>(type: "INTEGER", nullable: false),
                    next_step_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    enrolled_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    exit_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    lease_owner = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    lease_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    prescreen_answers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_playbook_enrolments", x => x.id);
                    table.ForeignKey(
                        name: "fk_playbook_enrolments_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_playbook_enrolments_playbooks_playbook_id",
                        column: x => x.playbook_id,
                        principalTable: "playbooks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "playbook_enrolment_steps",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    enrolment_id = table.Column<long>(type: "INTEGER", nullable: false),
                    customer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    step_index = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    executed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    result = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_playbook_enrolment_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_playbook_enrolment_steps_playbook_enrolments_enrolment_id",
                        column: x => x.enrolment_id,
                        principalTable: "playbook_enrolments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bank_events_starts_at",
                table: "bank_events",
                column: "starts_at");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_members_customer_id",
                table: "campaign_members",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaigns_segment_id",
                table: "campaigns",
                column: "segment_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaigns_status",
                table: "campaigns",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_delivered_messages_customer_id_delivered_at",
                table: "delivered_messages",
                columns: new[] { "customer_id", "delivered_at" });

            migrationBuilder.CreateIndex(
                name: "ix_delivered_messages_outbound_message_id",
                table: "delivered_messages",
                column: "outbound_message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_event_attendees_customer_id",
                table: "event_attendees",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbound_messages_customer_id_created_at",
                table: "outbound_messages",
                columns: new[] { "customer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbound_messages_idempotency_key",
                table: "outbound_messages",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbound_messages_source_source_id",
                table: "outbound_messages",
                columns: new[] { "source", "source_id" });

            migrationBuilder.CreateIndex(
                name: "ix_outbound_messages_status_next_attempt_at",
                table: "outbound_messages",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_playbook_enrolment_steps_customer_id_executed_at",
                table: "playbook_enrolment_steps",
                columns: new[] { "customer_id", "executed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_playbook_enrolment_steps_enrolment_id_step_index",
                table: "playbook_enrolment_steps",
                columns: new[] { "enrolment_id", "step_index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_playbook_enrolments_customer_id",
                table: "playbook_enrolments",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_playbook_enrolments_playbook_id_customer_id_occurrence_key",
                table: "playbook_enrolments",
                columns: new[] { "playbook_id", "customer_id", "occurrence_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_playbook_enrolments_status_next_step_at",
                table: "playbook_enrolments",
                columns: new[] { "status", "next_step_at" });

            migrationBuilder.CreateIndex(
                name: "ix_playbooks_code",
                table: "playbooks",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_suppression_entries_customer_id",
                table: "suppression_entries",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_tasks_customer_id_status",
                table: "work_tasks",
                columns: new[] { "customer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_work_tasks_owner_id_status_due_at",
                table: "work_tasks",
                columns: new[] { "owner_id", "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_work_tasks_source_key",
                table: "work_tasks",
                column: "source_key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "campaign_members");

            migrationBuilder.DropTable(
                name: "channel_preferences");

            migrationBuilder.DropTable(
                name: "delivered_messages");

            migrationBuilder.DropTable(
                name: "event_attendees");

            migrationBuilder.DropTable(
                name: "playbook_enrolment_steps");

            migrationBuilder.DropTable(
                name: "suppression_entries");

            migrationBuilder.DropTable(
                name: "work_tasks");

            migrationBuilder.DropTable(
                name: "campaigns");

            migrationBuilder.DropTable(
                name: "outbound_messages");

            migrationBuilder.DropTable(
                name: "bank_events");

            migrationBuilder.DropTable(
                name: "playbook_enrolments");

            migrationBuilder.DropTable(
                name: "playbooks");

            migrationBuilder.DropColumn(
                name: "event_id",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "task_id",
                table: "interactions");
        }
    }
}
