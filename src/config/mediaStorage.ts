import type { S3StorageOptions } from '@payloadcms/storage-s3'

/**
 * Where uploaded media live: an S3 bucket (AWS, or any S3-compatible store: MinIO, Ceph, R2…) when
 * S3_BUCKET is set, otherwise the local disk (`DATA_DIR/media`). Several instances of the site need
 * the bucket: a file one instance wrote to its own disk is not on the others'.
 *
 *   S3_BUCKET              the bucket (turns S3 on)
 *   S3_REGION              its region (default us-east-1)
 *   S3_ENDPOINT            the server's address, for anything but AWS (e.g. http://minio:9000)
 *   S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY   the keys (else the AWS SDK's own chain: env, profile, role)
 *   S3_FORCE_PATH_STYLE    `true` for http://host/bucket/key addresses (most self-hosted servers)
 *
 * Files are served through Payload (`/api/media/file/<name>`), so the bucket stays private and the
 * collection's read access applies. The checksums the AWS SDK adds to every request since 2025 are
 * sent only where S3 requires them: several S3-compatible servers reject or mangle them.
 */
export function mediaStorage(env: NodeJS.ProcessEnv = process.env): S3StorageOptions {
  const bucket = env.S3_BUCKET?.trim() || ''
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim()
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim()
  return {
    enabled: Boolean(bucket),
    // The columns the storage adapter keeps (`prefix`, `_objectKey`) exist with S3 on or off, so one
    // schema and one set of migrations serves both.
    alwaysInsertFields: true,
    collections: { media: true },
    bucket,
    config: {
      region: env.S3_REGION?.trim() || 'us-east-1',
      ...(env.S3_ENDPOINT?.trim() ? { endpoint: env.S3_ENDPOINT.trim() } : {}),
      forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true' || env.S3_FORCE_PATH_STYLE === '1',
      ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    },
  }
}
