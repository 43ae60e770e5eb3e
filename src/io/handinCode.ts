/**
 * A hand-in as a compact code a student can paste into a chat or save as a file:
 * "HOP1." + base64url(deflate(JSON)). Decoding is bounded: a code over the size limit, or one that
 * inflates past the JSON limit (a zip bomb), is refused with a reason, never a frozen page.
 */
export const HANDIN_PREFIX = 'HOP1.'

function toBase64Url(bytes: Uint8Array): string {
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/')
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4))
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, maxBytes: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.length
    if (size > maxBytes) {
      await reader.cancel()
      throw new Error(`it unpacks to more than ${Math.round(maxBytes / 1024)} KiB`)
    }
    chunks.push(value)
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

export async function encodeHandIn(value: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(value))
  return HANDIN_PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate'), Infinity))
}

export type Decoded = { ok: true; value: unknown } | { ok: false; reason: string }

export async function decodeHandIn(code: string, limits: { codeChars: number; jsonBytes: number }): Promise<Decoded> {
  const text = code.trim()
  if (text.length > limits.codeChars)
    return { ok: false, reason: `the code is too long (${text.length} characters; at most ${limits.codeChars})` }
  if (!text.startsWith(HANDIN_PREFIX)) return { ok: false, reason: 'not a hand-in code (it should start with HOP1.)' }
  const body = text.slice(HANDIN_PREFIX.length)
  if (!/^[A-Za-z0-9_-]*$/.test(body)) return { ok: false, reason: 'the code is damaged (characters that do not belong in it)' }
  let bytes: Uint8Array
  try {
    bytes = await pipe(fromBase64Url(body), new DecompressionStream('deflate'), limits.jsonBytes)
  } catch (e) {
    const why = e instanceof Error && e.message.startsWith('it unpacks') ? e.message : 'it does not unpack'
    return { ok: false, reason: `the code is damaged (${why})` }
  }
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(bytes)) }
  } catch {
    return { ok: false, reason: 'the code is damaged (not JSON inside)' }
  }
}

/** Find every hand-in code in a pasted text or a file (codes separated by spaces, lines, anything). */
export function findCodes(text: string): string[] {
  return text.match(/HOP1\.[A-Za-z0-9_-]*/g) ?? []
}
