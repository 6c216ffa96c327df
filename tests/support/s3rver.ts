import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import type { S3Settings } from "@/lib/storage";

/** s3rver accepts this one pair of keys (and checks the signatures made with it). */
const KEYS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

/**
 * A real S3 server (s3rver) on a free port, keeping its objects in a temporary folder, with the given
 * buckets created through the S3 protocol. `env(bucket)` gives the S3_* settings that point at it.
 */
export async function startS3rver(buckets: string[]) {
  const directory = mkdtempSync(join(tmpdir(), "symposia-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ region: "us-east-1", endpoint, credentials: KEYS, forcePathStyle: true });
  for (const bucket of buckets) await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    endpoint,
    /** A client of its own, to look at the bucket from outside the code under test. */
    client,
    settings: (bucket: string): S3Settings => ({ bucket, region: "us-east-1", endpoint, credentials: KEYS, forcePathStyle: true }),
    env: (bucket: string) => ({
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: KEYS.accessKeyId,
      S3_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
    }),
    async close() {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export type RunningS3rver = Awaited<ReturnType<typeof startS3rver>>;
