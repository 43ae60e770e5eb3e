/**
 * The page's bridge to the simulation worker, wired to the worker's own message handler (simHost)
 * through structured clones delivered asynchronously, as postMessage does: the street arrives, plays,
 * and every command is answered with the world's own Result.
 */
import { describe, expect, test } from 'vitest'
import { apply, createWorld } from '../../src/sim'
import type { World } from '../../src/sim'
import { until, wired } from './wiredBridge'
import { SANDBOX_SETUP, useGame } from '../../src/state/game'

describe('the simulation worker bridge', () => {
  test('a street arrives built, then settled; commands are answered with the world’s own Result', async () => {
    const kinds: string[] = []
    const bridge = wired((_, kind) => kinds.push(kind))
    bridge.startStreet('S', createWorld(1))
    await until(() => kinds.includes('settled'))
    expect(kinds.slice(0, 2)).toEqual(['snapshot', 'settled'])
    const rooms = () => Object.values(bridge.mirror!.containers)
    expect(rooms().filter((c) => c.state === 'running').length).toBe(100)

    // A refusal comes back as the command's answer, in both vocabularies.
    const refused = await bridge.command({ type: 'failHost', hostId: 'no-such-house' })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.technical).toMatch(/no-such-house|not found|no such/i)

    // An accepted command: by the time its answer arrives the mirror already shows what it changed.
    const done = await bridge.command({ type: 'setReplicas', appId: 'app0', replicas: 120 })
    expect(done).toEqual({ ok: true })
    expect(bridge.mirror!.apps.app0!.replicas).toBe(120)

    // Playing: the mirror's clock follows the worker's.
    const t0 = bridge.mirror!.timeMs
    bridge.advance(500, 8)
    await until(() => bridge.mirror!.timeMs >= t0 + 4000)
    bridge.stop()
  })

  test('a world built on the page (the sandbox) runs in the worker; the page keeps it as the mirror', async () => {
    const world = createWorld(7)
    for (const c of SANDBOX_SETUP) apply(world, c)
    const bridge = wired()
    bridge.startWorld(world)
    expect(bridge.mirror).toBe(world)
    expect((await bridge.command({ type: 'setManaged', appId: 'shop', managed: true })).ok).toBe(true)
    expect((await bridge.command({ type: 'setReplicas', appId: 'shop', replicas: 4 })).ok).toBe(true)
    bridge.advance(1000, 8)
    await until(() => Object.values(world.containers).filter((c) => c.appId === 'shop' && c.state === 'running').length === 4)
    // The page's copy only ever changed through the worker's deltas: the worker stepped, not the page.
    expect(world.timeMs).toBeGreaterThanOrEqual(8000)
    bridge.stop()
  })

  test('a command the worker will never answer (the street closed) is answered with a refusal', async () => {
    const bridge = wired()
    bridge.startStreet('S', createWorld(1))
    const pending = bridge.command({ type: 'setReplicas', appId: 'app0', replicas: 5 })
    bridge.stop()
    const r = await pending
    expect(r.ok).toBe(false)
    expect((await bridge.command({ type: 'setReplicas', appId: 'app0', replicas: 5 })).ok).toBe(false)
  })

  test('on the page (no worker), dispatchAsync answers with dispatch’s own Result and shows a refusal', async () => {
    useGame.getState().startSandbox()
    const r = await useGame.getState().dispatchAsync({ type: 'failHost', hostId: 'no-such-house' })
    expect(r.ok).toBe(false)
    expect(useGame.getState().lastRejection).toEqual(r)
    const ok = await useGame.getState().dispatchAsync({ type: 'setReplicas', appId: 'shop', replicas: 4 })
    expect(ok.ok).toBe(true)
    expect(useGame.getState().world.apps.shop!.replicas).toBe(4)
  })
})
