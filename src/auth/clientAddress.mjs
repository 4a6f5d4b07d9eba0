// The client's address, as the production server's front process (src/server/front.mjs) works it
// out for every request it passes on and hands it to Payload in CLIENT_ADDRESS_HEADER (replacing
// whatever a client sent under that name).
// Plain JavaScript: the front process, which never loads Next, imports it.
import net from 'node:net'

/** Set by the front process on every request it passes on; read by the sign-in throttle (src/auth/throttle.ts). */
export const CLIENT_ADDRESS_HEADER = 'x-valenx-client-address'

/** `::ffff:127.0.0.1` (IPv4 on an IPv6 socket) is 127.0.0.1. */
const normalize = (address) => {
  const bare = String(address ?? '').trim()
  return bare.startsWith('::ffff:') && net.isIPv4(bare.slice(7)) ? bare.slice(7) : bare
}

/**
 * TRUSTED_PROXY: the addresses or CIDR ranges of the proxies in front of the server, comma
 * separated (`127.0.0.1`, `10.0.0.0/8, fd00::/8`). Only a request that reaches the server from one
 * of them has its X-Forwarded-For read; unset, X-Forwarded-For is ignored (anyone can send it).
 * @param {string | undefined} [value]
 * @returns {net.BlockList | null}
 */
export function trustedProxies(value = process.env.TRUSTED_PROXY) {
  const entries = String(value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (!entries.length) return null
  const list = new net.BlockList()
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/')
    const family = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : null
    const prefix = bits === undefined ? undefined : Number(bits)
    const maxBits = family === 'ipv4' ? 32 : 128
    if (
      !family ||
      extra !== undefined ||
      (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxBits))
    )
      throw new Error(`TRUSTED_PROXY: "${entry}" is not an IP address or a CIDR range (e.g. 10.0.0.0/8).`)
    if (prefix === undefined) list.addAddress(address, family)
    else list.addSubnet(address, prefix, family)
  }
  return list
}

/**
 * The address of the client behind a request: the connection's, or, when the connection comes
 * from a trusted proxy, the last address in X-Forwarded-For that is not itself a trusted proxy
 * (each proxy appends the address it was reached from; earlier entries are the client's word).
 * @param {{ socket?: { remoteAddress?: string }, headers: Record<string, string | string[] | undefined> }} req
 * @param {net.BlockList | null} proxies
 */
export function clientAddressOf(req, proxies) {
  const connection = normalize(req.socket?.remoteAddress) || 'unknown'
  const trusted = (address) => proxies?.check(address, net.isIPv6(address) ? 'ipv6' : 'ipv4') ?? false
  if (!net.isIP(connection) || !trusted(connection)) return connection
  const forwarded = [req.headers['x-forwarded-for']]
    .flat()
    .join(',')
    .split(',')
    .map(normalize)
    .filter((hop) => net.isIP(hop))
  let address = connection
  for (let index = forwarded.length - 1; index >= 0; index--) {
    address = forwarded[index]
    if (!trusted(address)) return address
  }
  return address
}
