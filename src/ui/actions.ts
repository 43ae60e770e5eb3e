/**
 * Every player action goes through the game's dispatch. A refusal is kept in the store's
 * lastRejection, which the HUD shows in the current vocabulary.
 */
import { keepFocus } from './focus'
import { useGame, useUi } from '../state'
import type { Selection } from '../state'
import type { Command, CommandType, Placement, Result, World } from '../sim'
import { useHud } from './uiStore'

/** Whether the current level's palette allows this command (the sandbox allows all). */
export function allowed(type: CommandType): boolean {
  const level = useGame.getState().level
  return !level || level.palette.includes(type)
}

export function send(command: Command): Result {
  return useGame.getState().dispatch(command)
}

/** Refuse an action before it reaches the simulation (nothing selected, and so on). */
export function refuse(metaphor: string, technical: string): Result {
  const r = { ok: false as const, metaphor, technical }
  useGame.setState({ lastRejection: r })
  return r
}

/** Where a new room goes: the selected house or apartment, or where the selected room stands. */
export function targetOf(world: World, sel: Selection): Placement | null {
  if (!sel) return null
  if (sel.kind === 'host' && world.hosts[sel.id]) return { kind: 'host', hostId: sel.id }
  if (sel.kind === 'vm' && world.vms[sel.id]) return { kind: 'vm', vmId: sel.id }
  if (sel.kind === 'container') return world.containers[sel.id]?.placement ?? null
  return null
}

/** The house of the selection (for building apartments, burning and repairing). */
export function hostOf(world: World, sel: Selection): string | null {
  if (!sel) return null
  if (sel.kind === 'host') return world.hosts[sel.id] ? sel.id : null
  if (sel.kind === 'vm') return world.vms[sel.id]?.hostId ?? null
  if (sel.kind === 'container') {
    const p = world.containers[sel.id]?.placement
    if (!p) return null
    return p.kind === 'host' ? p.hostId : (world.vms[p.vmId]?.hostId ?? null)
  }
  return null
}

export function vmOf(world: World, sel: Selection): string | null {
  if (sel?.kind === 'vm') return world.vms[sel.id] ? sel.id : null
  if (sel?.kind === 'container') {
    const p = world.containers[sel.id]?.placement
    return p?.kind === 'vm' ? p.vmId : null
  }
  return null
}

/** The app the palette acts on: the one chosen, else the selected room's or app, else the first. */
export function chosenAppId(world: World): string | null {
  const chosen = useHud.getState().appId
  if (chosen && world.apps[chosen]) return chosen
  const sel = useUi.getState().selection
  if (sel?.kind === 'app' && world.apps[sel.id]) return sel.id
  if (sel?.kind === 'container') {
    const c = world.containers[sel.id]
    if (c) return c.appId
  }
  return Object.keys(world.apps)[0] ?? null
}

const say = (metaphor: string, technical: string) => refuse(metaphor, technical)

export function runContainer(): void {
  const { world } = useGame.getState()
  const appId = chosenAppId(world)
  if (!appId) return void say('There is no business to give a room to.', 'no app to run')
  const target = targetOf(world, useUi.getState().selection)
  if (!target) return void say('First select a house or an apartment in the street list.', 'select a host or VM first')
  send({ type: 'runContainer', appId, target })
}

export function removeContainer(): void {
  const sel = useUi.getState().selection
  if (sel?.kind !== 'container') return void say('Select a room to remove first.', 'select a container first')
  const place = useGame.getState().world.containers[sel.id]?.placement ?? null
  if (!send({ type: 'removeContainer', containerId: sel.id }).ok) return
  // The house or apartment it stood in is selected instead, and the keyboard goes there.
  const next = place
    ? place.kind === 'host'
      ? { kind: 'host' as const, id: place.hostId }
      : { kind: 'vm' as const, id: place.vmId }
    : null
  useUi.getState().select(next)
  keepFocus([
    ...(next ? [`[data-testid="tree-${next.kind}-${next.id}"]`] : []),
    '[data-testid="street-tree"] button.tree-row',
    '[data-testid="action-runContainer"]',
    '[data-testid="tab-tools"]',
  ])
}

export function toggleManaged(): void {
  const { world } = useGame.getState()
  const appId = chosenAppId(world)
  const app = appId ? world.apps[appId] : undefined
  if (!app) return void say('There is no business to manage.', 'no app')
  send({ type: 'setManaged', appId: app.id, managed: !app.managed })
}

export function scale(delta: 1 | -1): void {
  const { world } = useGame.getState()
  const appId = chosenAppId(world)
  const app = appId ? world.apps[appId] : undefined
  if (!app) return void say('There is no business to scale.', 'no app')
  send({ type: 'setReplicas', appId: app.id, replicas: Math.max(0, app.replicas + delta) })
}
