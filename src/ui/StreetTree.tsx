/**
 * The street list: houses → apartments → rooms, each row a button with its state in words and a
 * shape. Arrow keys move between rows. This is how keyboard and screen-reader users select things.
 */
import { memo, useRef } from 'react'
import type { KeyboardEvent } from 'react'
import { useGame, useUi } from '../state'
import type { Selection } from '../state'
import type { Container, Vocabulary, World } from '../sim'
import { buildTree } from './treeModel'
import type { TreeModel } from './treeModel'

const BIG_STREET = 5000
/** As many houses as the city view starts at (scene/cityZones.ts CITY_MIN_HOUSES). */
const BIG_STREET_HOUSES = 200
import { containerStateText, hostStateText, roomStateKey, stateIcon, stateTone, vmStateText } from './format'
import { useWords } from './useVocab'
import { useDrawer } from './uiStore'
import { roomsByNode } from '../state/roomIndex'
import { useLang } from './i18n'

const same = (a: Selection, kind: string, id: string) => !!a && a.kind === kind && 'id' in a && a.id === id

function Row({
  level,
  kind,
  id,
  icon,
  tone,
  name,
  state,
  selected,
}: {
  level: number
  kind: string
  id: string
  icon: string
  tone: string
  name: string
  state: string
  selected: boolean
}) {
  return (
    <li role="none">
      <button
        type="button"
        role="treeitem"
        aria-level={level}
        aria-selected={selected}
        className={`tree-row level-${level}${selected ? ' selected' : ''}`}
        data-testid={`tree-${kind}-${id}`}
        onClick={() => useUi.getState().select({ kind, id } as Selection)}
      >
        <span className={`icon tone-${tone}`} aria-hidden="true">
          {icon}
        </span>
        <span className="name">{name}</span>
        <span className="state">{state}</span>
      </button>
    </li>
  )
}

function Rooms({
  rooms,
  more,
  level,
  now,
  vocab,
  sel,
}: {
  rooms: Container[]
  more: number
  level: number
  now: number
  vocab: Vocabulary
  sel: Selection
}) {
  const w = useWords()
  const lang = useLang()
  if (rooms.length === 0 && more === 0) return null
  return (
    <ul role="group">
      {rooms.map((c) => (
        <Row
          key={c.id}
          level={level}
          kind="container"
          id={c.id}
          icon={stateIcon(roomStateKey(c))}
          tone={stateTone(roomStateKey(c))}
          name={`${w('room', 'container')} ${c.name}`}
          state={containerStateText(c, now, vocab, lang)}
          selected={same(sel, 'container', c.id)}
        />
      ))}
      {more > 0 && (
        <li className="more" role="none">
          +{more.toLocaleString()} {w('more rooms', 'more containers')}
        </li>
      )}
    </ul>
  )
}

/** Arrow keys move focus between the rows; Home/End jump to the ends. */
function onTreeKey(e: KeyboardEvent<HTMLElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End']
  if (!keys.includes(e.key)) return
  const rows = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button.tree-row')]
  const i = rows.indexOf(document.activeElement as HTMLButtonElement)
  const next = e.key === 'Home' ? 0 : e.key === 'End' ? rows.length - 1 : e.key === 'ArrowDown' || e.key === 'ArrowRight' ? i + 1 : i - 1
  const row = rows[Math.max(0, Math.min(rows.length - 1, next))]
  if (row) {
    e.preventDefault()
    row.focus()
  }
}

/** Rebuild the rows on each change; on a huge street (the scan takes milliseconds) at most once a second. */
function useThrottledTree(world: World, version: number): TreeModel {
  const cache = useRef<{ world: World; version: number; at: number; tree: TreeModel } | null>(null)
  const c = cache.current
  const now = performance.now()
  const big = (c?.tree.totalRooms ?? 0) > BIG_STREET
  if (c && c.world === world && (c.version === version || (big && now - c.at < 1000))) return c.tree
  const tree = buildTree(world, undefined, roomsByNode(world))
  cache.current = { world, version, at: now, tree }
  return tree
}

export const StreetTree = memo(function StreetTree() {
  // A huge street's list is not re-read while its drawer is closed (it stays in the page for the tests' reveal):
  // it is rebuilt when the drawer opens. A small street's list follows every batch, open or not.
  const open = useDrawer() === 'street'
  const big = useRef(false)
  const world = useGame((s) => s.world)
  const version = useGame((s) => (open || !big.current ? s.version : -1))
  const vocab = useUi((s) => s.vocab)
  const sel = useUi((s) => s.selection)
  const w = useWords()
  const lang = useLang()
  const tree = useThrottledTree(world, version)
  // Many houses count too: a big street's first list (its houses built, its rooms still on their way) is big already.
  big.current = tree.totalRooms > BIG_STREET || tree.hosts.length + tree.moreHosts >= BIG_STREET_HOUSES
  const now = world.timeMs
  return (
    <nav className="panel street" aria-label={w('Street list', 'Cluster tree')}>
      <h2>
        {w('The street', 'The cluster')}{' '}
        <small>
          {tree.totalRooms.toLocaleString()} {tree.totalRooms === 1 ? w('room', 'container') : w('rooms', 'containers')}
        </small>
      </h2>
      <ul
        role="tree"
        className="tree"
        data-testid="street-tree"
        aria-label={w('Houses, apartments and rooms', 'Hosts, VMs and containers')}
        onKeyDown={onTreeKey}
      >
        {tree.hosts.map(({ host, vms, rooms, more }) => (
          <li key={host.id} role="none">
            <Row
              level={1}
              kind="host"
              id={host.id}
              icon={host.power === 'on' ? '⌂' : '✖'}
              tone={stateTone(host.power)}
              name={`${w('house', 'host')} ${host.name}`}
              state={hostStateText(host, vocab, lang)}
              selected={same(sel, 'host', host.id)}
            />
            {vms.length > 0 && (
              <ul role="group">
                {vms.map((v) => (
                  <li key={v.vm.id} role="none">
                    <Row
                      level={2}
                      kind="vm"
                      id={v.vm.id}
                      icon={v.vm.os === 'windows' ? '▦' : '▤'}
                      tone={stateTone(v.vm.state)}
                      name={`${w('apartment', 'VM')} ${v.vm.name} (${v.vm.os === 'windows' ? 'Windows' : 'Linux'})`}
                      state={vmStateText(v.vm, now, vocab, lang)}
                      selected={same(sel, 'vm', v.vm.id)}
                    />
                    <Rooms rooms={v.rooms} more={v.more} level={3} now={now} vocab={vocab} sel={sel} />
                  </li>
                ))}
              </ul>
            )}
            <Rooms rooms={rooms} more={more} level={2} now={now} vocab={vocab} sel={sel} />
          </li>
        ))}
        {tree.moreHosts > 0 && (
          <li className="more" role="none">
            +{tree.moreHosts.toLocaleString()} {w('more houses', 'more hosts')}
          </li>
        )}
        {(tree.pending.rooms.length > 0 || tree.pending.more > 0) && (
          <li role="none">
            <span className="tree-heading">{w('Waiting for a spot', 'Pending (unscheduled)')}</span>
            <Rooms rooms={tree.pending.rooms} more={tree.pending.more} level={1} now={now} vocab={vocab} sel={sel} />
          </li>
        )}
      </ul>
    </nav>
  )
})
