/** The teacher's page replays hand-ins here, off the main thread: decode (bounded), then verifyHandIn. */
import { bundledLevels } from '../../levels/bundled'
import { HANDIN_LIMITS, verifyHandIn } from '../../levels'
import type { Verdict } from '../../levels'
import { decodeHandIn } from '../../io/handinCode'

const levels = bundledLevels().flatMap((l) => (l.ok ? [l.level] : []))

export async function checkCode(code: string): Promise<Verdict> {
  const d = await decodeHandIn(code, HANDIN_LIMITS)
  if (!d.ok) return { status: 'invalid', name: '?', levelId: '?', reason: d.reason }
  return verifyHandIn(d.value, levels)
}

const ctx = self as unknown as {
  onmessage: ((e: MessageEvent<{ id: number; code: string }>) => void) | null
  postMessage: (m: unknown) => void
}
ctx.onmessage = (e) => {
  const { id, code } = e.data
  checkCode(code).then(
    (verdict) => ctx.postMessage({ id, verdict }),
    (err: unknown) =>
      ctx.postMessage({ id, verdict: { status: 'invalid', name: '?', levelId: '?', reason: `the check failed: ${String(err)}` } }),
  )
}
