import { describe, expect, test } from 'vitest'
import { BREACH, createWorld, step, eventText } from '../../src/sim'
import type { SecurityContext, World } from '../../src/sim'
import { escapeOdds } from '../../src/sim/breach'
import { must, stepUntil } from './helpers'

const restricted: SecurityContext = { runAsNonRoot: true, readOnlyRootFilesystem: true, dropAllCapabilities: true, privileged: false }

/** One house with two apartments of three rooms each, and three rooms on the house itself. */
function estate(
  seed: number,
  security: Partial<SecurityContext> = {},
  runtime: 'runc' | 'gvisor' = 'runc',
): { w: World; rooms: Record<string, string[]> } {
  const w = createWorld(seed)
  must(w, { type: 'addHost', name: '1', cores: 16, memMiB: 32768, costPerHour: 1 })
  must(w, { type: 'addImage', id: 'web', ref: 'web:1.0', sizeMiB: 100 })
  must(w, {
    type: 'addApp',
    id: 'web',
    name: 'web',
    imageId: 'web',
    cpuRequestMilli: 100,
    memRequestMiB: 128,
    rps: 0,
    capacityRps: 10,
    security,
    runtime,
  })
  const vmA = must(w, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 2, memMiB: 2048 })!
  const vmB = must(w, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 2, memMiB: 2048 })!
  const rooms: Record<string, string[]> = { [vmA]: [], [vmB]: [], h1: [] }
  for (let i = 0; i < 3; i++) {
    rooms[vmA]!.push(must(w, { type: 'runContainer', appId: 'web', target: { kind: 'vm', vmId: vmA } })!)
    rooms[vmB]!.push(must(w, { type: 'runContainer', appId: 'web', target: { kind: 'vm', vmId: vmB } })!)
    rooms.h1!.push(must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: 'h1' } })!)
  }
  stepUntil(w, (x) => Object.values(x.containers).every((c) => c.state === 'running'))
  return { w, rooms }
}

describe('a breach follows the isolation boundary', () => {
  test('no breach ever crosses an apartment wall without a hypervisor escape event', () => {
    let escapes = 0
    let spreads = 0
    for (let seed = 1; seed <= 300; seed++) {
      const { w, rooms } = estate(seed)
      const [vmA, vmB] = Object.keys(w.vms)
      must(w, { type: 'breachContainer', containerId: rooms[vmA!]![0]! })
      const escaped = eventText(w.events.at(-1)!, 'technical').includes('Hypervisor escape')
      if (escaped) escapes++
      const crossed = [...rooms[vmB!]!, ...rooms.h1!].some((id) => w.containers[id]!.breached)
      expect(crossed).toBe(escaped)
      if (rooms[vmA!]!.slice(1).some((id) => w.containers[id]!.breached)) spreads++
    }
    // Default settings (root, writable, capable): most breaches reach the neighbours on the same kernel.
    expect(spreads).toBeGreaterThan(100)
    // Hypervisor escapes are rare (BREACH.hypervisorEscape per owned kernel).
    expect(escapes).toBeLessThanOrEqual(3)
  })

  test('the restricted settings cut the spread; privileged makes escape near-certain', () => {
    const count = (sec: Partial<SecurityContext>) => {
      let reached = 0
      for (let seed = 1; seed <= 200; seed++) {
        const { w, rooms } = estate(seed, sec)
        must(w, { type: 'breachContainer', containerId: rooms.h1![0]! })
        reached += Object.values(w.containers).filter((c) => c.breached).length - 1
      }
      return reached
    }
    const open = count({})
    const locked = count(restricted)
    const priv = count({ privileged: true })
    expect(locked).toBeLessThan(open / 10)
    expect(priv).toBeGreaterThan(open)
    expect(escapeOdds({ security: { ...restricted, runAsNonRoot: false, privileged: true }, runtime: 'runc' })).toBe(
      BREACH.privilegedEscape,
    )
  })

  test('a gVisor room keeps a breach in the room', () => {
    let reached = 0
    for (let seed = 1; seed <= 100; seed++) {
      const { w, rooms } = estate(seed, {}, 'gvisor')
      must(w, { type: 'breachContainer', containerId: rooms.h1![0]! })
      reached += Object.values(w.containers).filter((c) => c.breached).length - 1
      expect(eventText(w.events.at(-1)!, 'metaphor')).toMatch(/sandbox held|Burglar/)
    }
    expect(reached).toBe(0)
  })

  test('the same seed breaches the same rooms (the world generator only)', () => {
    const a = estate(7)
    const b = estate(7)
    must(a.w, { type: 'breachContainer', containerId: a.rooms.h1![0]! })
    must(b.w, { type: 'breachContainer', containerId: b.rooms.h1![0]! })
    step(a.w, 100)
    step(b.w, 100)
    expect(Object.values(a.w.containers).map((c) => c.breached)).toEqual(Object.values(b.w.containers).map((c) => c.breached))
  })
})
