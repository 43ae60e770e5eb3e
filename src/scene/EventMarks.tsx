/**
 * Events you watch, said where they happen (small streets only: a few dozen DOM tags at most):
 *   a room that crashed says so, and while it waits (CrashLoopBackOff) counts down to its restart;
 *   a room being fitted says "being built" (an image pull, then create), so a scale-up is seen;
 *   during a rolling update each room wears its version badge (old rooms are also paler);
 *   a burnt house says how many rooms went dark with it; an apartment whose kernel panicked says so;
 *   each apartment carries its guest OS sign.
 * The 3D marks (tilt, red ✖, dark rooms, scaffolds) are drawn by Buildings; these tags name them.
 */
import { Html } from '@react-three/drei'
import { useWorld } from '../state/useWorld'
import { useUi } from '../state/ui'
import { TAGS_EN, useStreetWords } from './tagWords'
import type { TagWords } from './tagWords'
import type { World } from '../sim/types'
import type { SceneLayout } from './layout'
import { overlayRef } from './overlay'
import { VM_OS } from './palette'
import { bootProgress } from './Buildings'
import { breachOf } from './happenings'

/** Past this many rooms the street is read from the marks and the legend, not from tags. */
export const TAGS_UP_TO_ROOMS = 60
const MAX_TAGS = 40

interface Tag {
  key: string
  x: number
  y: number
  z: number
  text: string
  tone: 'bad' | 'busy' | 'info' | 'os'
  colour?: string
}

export function tagsOf(world: World, layout: SceneLayout, vocab: 'metaphor' | 'technical', x: TagWords = TAGS_EN): Tag[] {
  const w = (p: readonly [string, string]) => (vocab === 'metaphor' ? p[0] : p[1])
  const out: Tag[] = []
  const { rooms, vms, houses } = layout
  const now = world.timeMs
  // A drain: the house says how many rooms are still to move out (they leave one by one).
  for (let i = 0; i < houses.n && out.length < MAX_TAGS; i++) {
    const h = houses.hosts[i]!
    if (h.power !== 'on' || !h.unschedulable) continue
    let left = 0
    for (let c = 0; c < rooms.n; c++)
      if (rooms.house[c] === i && rooms.containers[c]!.managed && rooms.containers[c]!.terminatingUntilMs == null) left++
    out.push({
      key: `d-${h.id}`,
      x: houses.x[i]!,
      y: houses.h[i]! + 2.4,
      z: houses.z[i]!,
      text: !h.draining ? w(x.cordoned) : left ? w(x.movingOut(left)) : w(x.emptied),
      tone: 'busy',
    })
  }
  // A breach (the last 30 s of the log): where the burglar got to and what stopped it.
  for (let e = world.events.length - 1; e >= 0 && out.length < MAX_TAGS; e--) {
    const ev = world.events[e]!
    if (now - ev.atMs > 30_000) break
    const b = breachOf(ev, world)
    if (!b) continue
    const c = rooms.ids.indexOf(b.rooms[b.rooms.length - 1]!)
    if (c < 0) continue
    const n = b.rooms.length
    const text =
      b.stop === 'room'
        ? w(x.breachRoom)
        : b.stop === 'apartment'
          ? w(x.breachApartment(n))
          : b.stop === 'house'
            ? w(x.breachHouse(n))
            : w(x.breachShared(n))
    out.push({ key: `b-${b.seq}`, x: rooms.x[c]!, y: rooms.y[c]! + rooms.h[c]! + 1.9, z: rooms.z[c]!, text, tone: 'bad' })
  }
  for (let i = 0; i < houses.n && out.length < MAX_TAGS; i++) {
    const h = houses.hosts[i]!
    if (h.power === 'on') continue
    let dark = 0
    for (let c = 0; c < rooms.n; c++) if (rooms.house[c] === i) dark++
    const panic = h.power === 'failed' && !!h.kernelPanic
    const what = panic ? w(x.kernelPanic) : h.power === 'failed' ? w(x.burnt) : w(x.noPower)
    out.push({
      key: `h-${h.id}`,
      x: houses.x[i]!,
      y: houses.h[i]! + 2.4,
      z: houses.z[i]!,
      text: `${what}${dark ? ` · ${dark} ${w(x.dark(dark))}` : ''}`,
      tone: 'bad',
    })
  }
  // Apartments of one house with the same plain sign (its OS, or its OS booting) share one sign, "▤ Linux ×10", on the
  // first of them: a lab of ten apartments reads as one line, not ten stacked labels.
  const osGroups = new Map<string, { tag: Tag; n: number; lo: number; hi: number; booting: boolean; os: string }>()
  for (let v = 0; v < vms.n && out.length < MAX_TAGS; v++) {
    const vm = vms.vms[v]!
    if (vms.house[v]! < 0) continue
    const os = vm.os === 'windows' ? 'Windows' : 'Linux'
    // A VM's own kernel panic, not the house burning under it: a fire or a host panic also marks its VMs
    // 'crashed', and their floors go dark with the house (the house's own tag tells that story).
    const hostDown = world.hosts[vm.hostId]?.power === 'failed'
    const crashed = vm.state === 'crashed' && !hostDown
    const mig = vm.migration
    const target = mig ? (world.hosts[mig.toHostId]?.name ?? mig.toHostId) : ''
    // A boot lights the floor from left to right; a live migration slides it over, with its short pause.
    const doing =
      hostDown && vm.state === 'crashed'
        ? ` · ${w(x.darkWithHouse)}`
        : vm.state === 'booting'
          ? ` · ${w(x.lightsOn)} ${Math.round(bootProgress(vm, now) * 100)} %`
          : mig
            ? mig.phase === 'stopcopy'
              ? ` · ${w(x.stopCopy(mig.downtimeMs, target))}`
              : mig.phase === 'postcopy'
                ? ` · ${w(x.postCopy(target))}`
                : !mig.converges
                  ? ` · ${w(x.notConverging(target))}`
                  : ` · ${w(x.moving(target, mig.downtimeMs, mig.mode))}`
            : ''
    if (mig) {
      // The move itself is named half-way between the two houses, where the apartment slides over.
      const to = houses.ids.indexOf(mig.toHostId)
      if (to >= 0)
        out.push({
          key: `m-${vm.id}`,
          x: (vms.x[v]! + houses.x[to]!) / 2,
          y: Math.max(vms.y[v]!, houses.h[to]!) + 2.2,
          z: (vms.z[v]! + houses.z[to]!) / 2,
          text: w(x.migrating(vm.name, target)),
          tone: 'busy',
        })
    }
    const tag: Tag = {
      key: `v-${vm.id}`,
      // On the floor's front edge, at its top: each floor of a tower carries its own sign, and the ground floor's stands
      // clear of the house's own sign at the foot of the house.
      x: vms.x[v]!,
      y: vms.y[v]! + vms.h[v]!,
      z: vms.z[v]! + vms.d[v]! / 2,
      text: crashed ? w(x.guestPanic(os)) : `${vm.os === 'windows' ? '▦' : '▤'} ${os}${doing}`,
      tone: crashed ? 'bad' : doing ? 'busy' : 'os',
      colour: VM_OS[vm.os],
    }
    const booting = vm.state === 'booting' && !mig && !crashed
    if (crashed || mig || (doing && !booting)) {
      out.push(tag)
      continue
    }
    const pct = booting ? Math.round(bootProgress(vm, now) * 100) : 0
    const key = `${vms.house[v]}:${vm.os}:${booting}`
    const g = osGroups.get(key)
    if (g) {
      g.n++
      g.lo = Math.min(g.lo, pct)
      g.hi = Math.max(g.hi, pct)
    } else osGroups.set(key, { tag, n: 1, lo: pct, hi: pct, booting, os })
  }
  for (const g of osGroups.values()) {
    if (out.length >= MAX_TAGS) break
    if (g.n === 1) {
      out.push(g.tag)
      continue
    }
    const icon = g.os === 'Windows' ? '▦' : '▤'
    const range = g.lo === g.hi ? `${g.lo} %` : `${g.lo}–${g.hi} %`
    out.push({ ...g.tag, text: `${icon} ${g.os} ×${g.n}${g.booting ? ` · ${w(x.lightsOn)} ${range}` : ''}` })
  }
  // Rooms saying the same thing in the same place share one tag ("old 1.0 ×3"), over the first of them,
  // so a scale-up or a rollout reads as one sentence per house, not a pile of overlapping labels.
  const grouped = new Map<string, Tag & { n: number }>()
  for (let c = 0; c < rooms.n && grouped.size < MAX_TAGS; c++) {
    const ct = rooms.containers[c]!
    let text: string | null = null
    let tone: Tag['tone'] = 'info'
    if (ct.state === 'crashed') {
      text = w(x.crashed)
      tone = 'bad'
    } else if (ct.state === 'backoff') {
      const s = Math.max(0, Math.ceil((ct.phaseEndsMs - now) / 1000))
      text = w(x.reopens(s))
      tone = 'bad'
    } else if (ct.state === 'pulling' || ct.state === 'creating') {
      if (ct.state === 'pulling') {
        // The van carries the layers this place lacks; those already in its storeroom are not delivered again.
        const cache = rooms.vm[c]! >= 0 ? vms.vms[rooms.vm[c]!]!.cachedLayers : houses.hosts[rooms.house[c]!]?.cachedLayers
        const layers = world.images[ct.imageId]?.layers ?? []
        let have = 0
        if (cache) for (const id of layers) if (cache.includes(id)) have++
        const get = layers.length - have
        text = w(x.kit(get, have, layers.length))
      } else text = w(x.building)
      tone = 'busy'
    }
    const target = layout.rollouts.get(ct.appId)
    if (target !== undefined) {
      const ref = world.images[ct.imageId]?.ref ?? ct.imageId
      const tag = ref.includes(':') ? ref.slice(ref.lastIndexOf(':') + 1) : ref
      const badge = `${w(ct.imageId === target ? x.newVersion : x.oldVersion)} ${tag}`
      text = text ? `${badge} · ${text}` : badge
      if (tone === 'info') tone = ct.imageId === target ? 'busy' : 'info'
    }
    if (!text) continue
    const key = `${rooms.house[c]}:${rooms.vm[c]}:${ct.appId}:${text}`
    const g = grouped.get(key)
    if (g) g.n++
    else {
      // Tags of different groups in one house stand at three heights, so they do not cover each other.
      const y = rooms.y[c]! + rooms.h[c]! + 0.55 + (grouped.size % 3) * 0.55
      grouped.set(key, { key: `c-${ct.id}`, x: rooms.x[c]!, y, z: rooms.z[c]!, text, tone, colour: layout.appColours.get(ct.appId), n: 1 })
    }
  }
  for (const g of grouped.values()) {
    if (out.length >= MAX_TAGS) break
    out.push({ ...g, text: g.n > 1 ? `${g.text} ×${g.n}` : g.text })
  }
  return out
}

const base: React.CSSProperties = {
  borderRadius: 5,
  padding: '1px 6px',
  font: '600 14px/1.3 system-ui, sans-serif',
  whiteSpace: 'nowrap',
  border: '2px solid',
}
const TONES: Record<Tag['tone'], React.CSSProperties> = {
  bad: { background: '#2b1d1a', color: '#fff', borderColor: '#e63946' },
  busy: { background: '#fff8e1', color: '#3b2a1e', borderColor: '#e9a23b' },
  info: { background: '#fffdf5', color: '#3b2a1e', borderColor: '#8a5a3b' },
  os: { background: '#fffdf5', color: '#1f2a24', borderColor: '#5b8a76' },
}

export function EventMarks({ layout }: { layout: SceneLayout }) {
  const world = useWorld()
  const vocab = useUi((s) => s.vocab)
  const words = useStreetWords()
  if (layout.rooms.n > TAGS_UP_TO_ROOMS || layout.houses.n > 12) return null
  const tags = tagsOf(world, layout, vocab, words)
  return (
    <>
      {tags.map((t) => (
        <Html key={t.key} portal={overlayRef} position={[t.x, t.y, t.z]} center zIndexRange={[12, 0]} style={{ pointerEvents: 'none' }}>
          <div
            className={`scene-tag tag-${t.tone}`}
            data-testid={`scene-tag-${t.key}`}
            style={{ ...base, ...TONES[t.tone], ...(t.colour && t.tone !== 'bad' ? { borderColor: t.colour } : {}) }}
          >
            {t.text}
          </div>
        </Html>
      ))}
    </>
  )
}
