/** The teacher's page replays hand-ins here, off the main thread: decode (bounded), then verifyHandIn. */
import { bundledLevels } from '../../levels/bundled'
import { HANDIN_LIMITS, parseLevel, verifyHandIn } from '../../levels'
import type { Level, Verdict } from '../../levels'
import { decodeHandIn } from '../../io/handinCode'

const levels = bundledLevels().flatMap((l) => (l.ok ? [l.level] : []))
/** Level files the teacher opened (a student played a level from a file), parsed once each. */
const fileLevels = new Map<string, Level | null>()

function levelsWith(texts: readonly string[]): Level[] {
  const extra: Level[] = []
  for (const text of texts) {
    if (!fileLevels.has(text)) {
      const r = parseLevel('level file', text)
      fileLevels.set(text, r.ok ? r.level : null)
    }
    const l = fileLevels.get(text)
    if (l) extra.push(l)
  }
  // The game's own levels first: a code without a content hash means the bundled one.
  return [...levels, ...extra]
}

export async function checkCode(code: string, levelTexts: readonly string[] = []): Promise<Verdict> {
  const d = await decodeHandIn(code, HANDIN_LIMITS)
  if (!d.ok) return { status: 'invalid', name: '?', levelId: '?', reason: d.reason }
  return verifyHandIn(d.value, levelsWith(levelTexts))
}

const ctx = self as unknown as {
  onmessage: ((e: MessageEvent<{ id: number; code: string; levels?: string[] }>) => void) | null
  postMessage: (m: unknown) => void
}
ctx.onmessage = (e) => {
  const { id, code, levels: texts } = e.data
  checkCode(code, texts ?? []).then(
    (verdict) => ctx.postMessage({ id, verdict }),
    (err: unknown) =>
      ctx.postMessage({ id, verdict: { status: 'invalid', name: '?', levelId: '?', reason: `the check failed: ${String(err)}` } }),
  )
}
