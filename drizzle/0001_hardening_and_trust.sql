CREATE TABLE "registration_manage_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"registration_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "redacted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "profile_revisions" ADD COLUMN "base" jsonb;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "release_label" text DEFAULT 'Press release' NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "logo_id" uuid;--> statement-breakpoint
ALTER TABLE "registration_manage_tokens" ADD CONSTRAINT "registration_manage_tokens_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registration_manage_tokens_registration_idx" ON "registration_manage_tokens" USING btree ("registration_id");--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;