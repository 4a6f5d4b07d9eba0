import { runScript } from '../../../src/scripts/runScript'

/** Boots Payload as every `payload run` script does, and says so (tests/int/script-startup.test.ts). */
await runScript(async (payload) => {
  console.log(`booted: ${Object.keys(payload.collections).length} collections`)
})
