ALTER TABLE "settings" ADD COLUMN "release_label" text DEFAULT 'Press release' NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "logo_id" uuid;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;