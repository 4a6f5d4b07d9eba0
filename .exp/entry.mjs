const t = Date.now()
const which = process.env.ENTRY ?? '@payloadcms/richtext-lexical'
await import(which)
console.log('ok', Date.now() - t)
