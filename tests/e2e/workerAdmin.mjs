// Which admin account each Playwright worker signs in as (playwright.config.ts sets ADMIN_EMAIL in
// each worker; tests/e2e/scripts/worker-admins.ts creates the accounts on the shared server, and an
// own server seeds its worker's account as its admin).

/** Accounts made on the shared server: enough for `--workers` up to this. */
export const WORKER_ADMINS = Math.max(4, Number(process.env.E2E_WORKERS) || 0)

/** @param {number | string} parallelIndex Playwright's TEST_PARALLEL_INDEX */
export const workerAdminEmail = (parallelIndex) => `e2e-admin-w${parallelIndex}@valenx.local`
