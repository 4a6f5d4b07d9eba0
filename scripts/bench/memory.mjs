// The server's memory: the resident set of its whole process tree, sampled from /proc.
import fs from 'node:fs'

import { sleep } from '../lib/process.mjs'

function processTree(rootPid) {
  const parents = new Map()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      parents.set(Number(entry), ppid)
    } catch {
      // exited meanwhile
    }
  }
  const tree = [rootPid]
  for (let index = 0; index < tree.length; index++) {
    for (const [pid, ppid] of parents) if (ppid === tree[index]) tree.push(pid)
  }
  return tree
}

function statusKiB(pid, field) {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) : 0
  } catch {
    return 0
  }
}

/**
 * Samples the tree below `rootPid` every 250 ms (and whenever `sample()` is called): the last and
 * peak total RSS, and the highest single-process high-water mark, in MiB.
 * @param {number} rootPid
 */
export function memorySampler(rootPid) {
  const state = { peakTreeRssMiB: 0, peakHwmMiB: 0, samples: 0, lastTreeRssMiB: 0 }
  const sample = () => {
    if (!fs.existsSync('/proc')) return
    let rss = 0
    for (const pid of processTree(rootPid)) {
      rss += statusKiB(pid, 'VmRSS')
      state.peakHwmMiB = Math.max(state.peakHwmMiB, statusKiB(pid, 'VmHWM') / 1024)
    }
    state.lastTreeRssMiB = rss / 1024
    state.peakTreeRssMiB = Math.max(state.peakTreeRssMiB, rss / 1024)
    state.samples++
  }
  const timer = setInterval(sample, 250)
  timer.unref()
  sample()
  return { state, sample, stop: () => clearInterval(timer) }
}

/** @typedef {ReturnType<typeof memorySampler>} MemorySampler */

/**
 * The tree's RSS averaged over a second of samples: one sample can land either side of a garbage
 * collection.
 * @param {MemorySampler} memory
 */
export async function settledRssMiB(memory) {
  let total = 0
  for (let index = 0; index < 4; index++) {
    memory.sample()
    total += memory.state.lastTreeRssMiB
    await sleep(250)
  }
  return total / 4
}

/**
 * The run's memory figures, after the last stage.
 * @param {import('./context.mjs').BenchContext['result']} result
 * @param {MemorySampler} memory
 */
export function recordPeakMemory(result, memory) {
  memory.sample()
  result.memory.peakTreeRssMiB = Math.round(memory.state.peakTreeRssMiB)
  result.memory.peakProcessHwmMiB = Math.round(memory.state.peakHwmMiB)
  result.memory.samples = memory.state.samples
}
