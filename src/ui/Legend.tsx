/**
 * What every mark in the street means: each app's colour with its name, the apartments' OS
 * colours, and the shapes of each state. Folded to one small button until asked for.
 */
import { useState } from 'react'
import { useWorld } from '../state'
import * as P from '../scene/palette'
import { CITY_MIN_HOUSES } from '../scene/cityZones'
import { hostList } from '../sim/containerIndex'
import { useWords } from './useVocab'

function Swatch({ colour, shape = 'box' }: { colour: string; shape?: 'box' | 'ghost' | 'tilt' | 'low' | 'stripe' | 'cone' | 'tape' }) {
  const style = shape === 'cone' ? { color: colour } : { background: shape === 'ghost' ? 'transparent' : colour, borderColor: colour }
  return <span className={`swatch swatch-${shape}`} style={style} aria-hidden="true" />
}

export function Legend() {
  const world = useWorld()
  const w = useWords()
  const [open, setOpen] = useState(false)
  const apps = Object.values(world.apps)
  const colours = P.appColours(Object.keys(world.apps))
  const oses = [...new Set(Object.values(world.vms).map((v) => v.os))]
  return (
    <section className={`panel legend${open ? ' open' : ''}`} aria-label={w('Legend: what the marks mean', 'Legend')} data-testid="legend">
      <button
        type="button"
        className="small"
        data-testid="legend-toggle"
        aria-expanded={open}
        aria-controls="legend-list"
        onClick={() => setOpen(!open)}
      >
        {open ? '▾' : '▸'} {w('What the marks mean', 'Legend')}
      </button>
      <ul id="legend-list" className="legend-list" hidden={!open}>
        {hostList(world).length >= CITY_MIN_HOUSES && (
          <>
            <li>
              <Swatch colour="#e08a4f" />{' '}
              {w(
                'a block: one house, taller and redder the more of it is booked (zoom in to see its rooms)',
                'a block: one node, height and colour by requested CPU or memory',
              )}
            </li>
            <li>
              <Swatch colour={P.ZONE_WALLS[0]!} shape="stripe" />{' '}
              {w('tinted ground with a border: a street side on its own power grid', 'tinted plate: a zone (failure domain)')}
            </li>
            <li>
              <Swatch colour="#d1495b" shape="cone" /> {w('red cone over a low dark block: house down', 'red cone: node down (NotReady)')}
            </li>
            <li>
              <Swatch colour="#e9b949" shape="tape" /> {w('amber cross: no new rooms (cordoned)', 'amber cross: cordoned')}
            </li>
            <li>
              <Swatch colour="#e0702f" /> {w('orange diamond: nearly full or swapping', 'orange diamond: ≥ 90 % requested, or swapping')}
            </li>
          </>
        )}
        {apps.map((a) => (
          <li key={a.id}>
            <Swatch colour={colours.get(a.id) ?? P.appColour(a.id)} /> {w(`a room of ${a.name}`, `a container of ${a.name}`)}
          </li>
        ))}
        {oses.map((os) => (
          <li key={os}>
            <Swatch colour={P.VM_OS[os] ?? P.VM_STOPPED} />{' '}
            {w(`an apartment running ${os === 'windows' ? 'Windows' : 'Linux'}`, `a ${os === 'windows' ? 'Windows' : 'Linux'} VM`)}
          </li>
        ))}
        <li>
          <Swatch colour={P.HYPERVISOR} />{' '}
          {w(
            'steel frame between the floors: the house frame that divides it into apartments',
            'steel frame: the hypervisor under each VM',
          )}
        </li>
        <li>
          <Swatch colour={P.KERNEL_HOST} shape="tape" />{' '}
          {w(
            'pipes along the back of a floor: its plumbing, one branch per room ' +
              "(the house's own copper; each apartment's own in its OS colour)",
            'pipes: the kernel each container shares (host kernel copper, guest kernels in their OS colour)',
          )}
        </li>
        <li>
          <Swatch colour={P.CRATES[0]!} />{' '}
          {w('crates in the storeroom: kit parts the house already has', 'crates: image layers cached on the node')}
        </li>
        <li>
          <Swatch colour={P.WINDOW_LIT} /> {w('lit window: open, serving visitors', 'lit window: running')}
        </li>
        <li>
          <Swatch colour="#b9a37a" shape="stripe" />{' '}
          {w('striped, part-built: being fitted (kit delivered, then built)', 'striped: image pull / container creating')}
        </li>
        <li>
          <Swatch colour={P.ROOM_CRASHED} shape="tilt" /> {w('dark, tilted, red ✖: crashed', 'dark, tilted, red ✖: crashed (Error)')}
        </li>
        <li>
          <Swatch colour={P.ROOM_BACKOFF} shape="low" />{' '}
          {w('dark and sunk: waiting to be reopened (the countdown above it)', 'sunk: CrashLoopBackOff (restart countdown)')}
        </li>
        <li>
          <Swatch colour={P.ROOM_DARK} /> {w('dark, no light: its house or apartment went down', 'dark: pod lost with its node')}
        </li>
        <li>
          <Swatch colour="#9a9a9a" shape="ghost" /> {w('pale ghost: waiting for a spot', 'ghost: Pending (not scheduled)')}
        </li>
        <li>
          <Swatch colour={P.VM_CRASHED} shape="tilt" />{' '}
          {w('dark blue apartment: its own kernel panicked', 'dark blue VM: guest kernel panic')}
        </li>
        <li>
          <Swatch colour={P.WALL_FAILED} /> {w('charred house with a red ✖: burnt down or no power', 'black host with ✖: node failed')}
        </li>
        <li>
          <Swatch colour={P.CORDON} shape="tape" /> {w('yellow tape: no new rooms (orange: emptying)', 'tape: cordoned (orange: draining)')}
        </li>
        <li>
          <Swatch colour={P.VISITOR} shape="cone" /> {w('white figures: visitors let in', 'white: requests served')}
          {' · '}
          <Swatch colour={P.VISITOR_DROPPED} shape="cone" /> {w('red: visitors turned away', 'red: requests dropped')}
        </li>
      </ul>
    </section>
  )
}
