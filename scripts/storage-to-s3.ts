// Moves the photos stored in DATA_DIR/uploads into the S3_BUCKET bucket: `npm run storage:to-s3`, then
// `npm run storage:to-s3 -- --delete-local` to remove the local copies once each is in the bucket.
// Safe to run again: what is already in the bucket is checked, not sent again.
import { parseArgs } from "node:util";
import { localDiskStorage, S3Storage, s3Settings } from "@/lib/storage";
import { moveToBucket } from "@/lib/storage-move";

const USAGE = "Usage: npm run storage:to-s3 [-- --delete-local]";

async function main(): Promise<number> {
  let deleteLocal: boolean;
  try {
    deleteLocal = Boolean(parseArgs({ options: { "delete-local": { type: "boolean" } } }).values["delete-local"]);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const settings = s3Settings();
  if (!settings) {
    console.error("S3_BUCKET is not set: set S3_BUCKET (and S3_ENDPOINT, S3_REGION, keys as needed) to the bucket the photos should move to.");
    return 2;
  }
  const from = localDiskStorage();
  const to = new S3Storage(settings);
  try {
    console.log(`Moving photos from ${from.root} to the bucket ${settings.bucket}${deleteLocal ? ", removing local copies once verified" : ""}…`);
    const counts = await moveToBucket(from, to, { deleteLocal, log: (line) => console.error(line) });
    console.log(
      `${counts.found} found, ${counts.uploaded} uploaded, ${counts.present} already there, ${counts.verified} verified, ` +
        `${counts.deleted} removed locally, ${counts.failed} failed.`,
    );
    if (counts.failed > 0) return 1;
    if (!deleteLocal && counts.verified > 0) console.log("The local copies are kept; run again with --delete-local to remove them.");
    return 0;
  } finally {
    await to.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
