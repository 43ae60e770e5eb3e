/**
 * What the selection is, in both vocabularies: its names, resources, state and why, and where
 * the figures come from. Recent events about it at the bottom.
 */
import type { ReactNode } from 'react'
import {
  RUNTIMES,
  CONTAINER_SHIM_MIB,
  CONTAINER_START,
  CONTAINER_STATE_LABELS,
  CRASH_BACKOFF,
  GUEST_OS,
  HOST_POWER_LABELS,
  HOST_SYSTEM_RESERVED_MIB,
  HYPERVISOR_OVERHEAD_SOURCE,
  VCPU_OVERCOMMIT,
  VM_STATE_LABELS,
  bothNames,
  eventsAbout,
  formatMiB,
  formatTime,
  hostCapacity,
  hypervisorOverheadMiB,
  NODE_LIFECYCLE,
  kernelOf,
  nodeConditionText,
  qosClass,
  qosWhy,
  MEMORY_PRESSURE,
  placementName,
  servedRatio,
  vmCapacity,
  eventText,
} from '../sim'
import type { World } from '../sim'
import { useGame, useUi, useWorld } from '../state'
import type { Selection } from '../state'
import { cores, money, secondsLeft, stateIcon, usedOf } from './format'
import { ContainerDiagnosis } from './machines/ContainerDiagnosis'
import { NodeDetails, WhyHere } from './manager/WhyHere'
import { Charts } from './manager/Charts'
import { useHud } from './uiStore'
import { useLang, useT } from './i18n'

type Row = [label: string, value: ReactNode]

function Table({ rows }: { rows: Row[] }) {
  return (
    <dl className="facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  )
}

const Both = ({ l }: { l: { metaphor: string; technical: string } }) => (
  <>
    {l.metaphor} <span className="muted">/ {l.technical}</span>
  </>
)

function Sources({ list }: { list: string[] }) {
  const t = useT()
  return (
    <details className="sources">
      <summary>{t('insp.sources')}</summary>
      <ul>
        {list.map((s) => (
          <li key={s}>
            <small>{s}</small>
          </li>
        ))}
      </ul>
    </details>
  )
}

function describe(
  world: World,
  sel: NonNullable<Selection>,
): { title: string; name: string; rows: Row[]; sources: string[]; id: string } | null {
  const now = world.timeMs
  switch (sel.kind) {
    case 'host': {
      const h = world.hosts[sel.id]
      if (!h) return null
      const cap = hostCapacity(h)
      return {
        id: h.id,
        title: bothNames('host'),
        name: h.name,
        rows: [
          [
            'State',
            <>
              <span aria-hidden="true">{stateIcon(h.power)} </span>
              <Both l={HOST_POWER_LABELS[h.power]} />
              {h.unschedulable && ' · cordoned (no new rooms)'}
              {h.draining && ' · draining'}
            </>,
          ],
          ['Node condition', <Both l={nodeConditionText(world, h)} />],
          ['CPU (workers)', `${cores(h.alloc.cpuMilli)} of ${cores(cap.cpuMilli)} cores reserved`],
          [
            'Memory (space)',
            `${usedOf(h.alloc.memMiB, cap.memMiB)} reserved (${formatMiB(HOST_SYSTEM_RESERVED_MIB.value)} kept for the house itself)`,
          ],
          ['vCPUs handed out', `${h.alloc.vcpus} of ${cap.vcpus} (${VCPU_OVERCOMMIT.value}:1 overcommit)`],
          ['Rooms standing directly in it', String(h.alloc.pods)],
          ['Street side (zone)', h.zone],
          ['Cost', `${money(h.costPerHour)}/h`],
          ['Kernel', 'Linux (shared by rooms standing directly in the house)'],
        ],
        sources: [HOST_SYSTEM_RESERVED_MIB.source, VCPU_OVERCOMMIT.source, NODE_LIFECYCLE.source],
      }
    }
    case 'vm': {
      const vm = world.vms[sel.id]
      if (!vm) return null
      const os = GUEST_OS[vm.os]
      const cap = vmCapacity(vm)
      const timed = vm.state === 'provisioning' || vm.state === 'booting'
      return {
        id: vm.id,
        title: bothNames('vm'),
        name: vm.name,
        rows: [
          [
            'State',
            <>
              <span aria-hidden="true">{stateIcon(vm.state)} </span>
              <Both l={VM_STATE_LABELS[vm.state]} />
              {timed && `, ${secondsLeft(vm.phaseEndsMs, now)} s left`}
            </>,
          ],
          ['Guest OS (its own kernel)', `${os.label}: takes ${formatMiB(os.memMiB)} and ${cores(os.cpuMilli)} core itself`],
          ['Boot time', `${os.boot.minMs / 1000}–${os.boot.maxMs / 1000} s`],
          ['vCPUs / RAM', `${vm.vcpus} vCPU · ${formatMiB(vm.memMiB)}`],
          ['CPU for rooms', `${cores(vm.alloc.cpuMilli)} of ${cores(cap.cpuMilli)} cores reserved`],
          ['Memory for rooms', `${usedOf(vm.alloc.memMiB, cap.memMiB)} reserved`],
          [
            'Frame overhead in the house',
            `${formatMiB(hypervisorOverheadMiB(vm.memMiB, vm.vcpus))} ` +
              "(KubeVirt's virt-launcher estimate, one graphics device; not bare QEMU's)",
          ],
          ['In house', world.hosts[vm.hostId]?.name ?? '?'],
          ['Rooms inside', String(vm.alloc.pods)],
          ['Node condition', <Both l={nodeConditionText(world, vm)} />],
        ],
        sources: [os.boot.source, HYPERVISOR_OVERHEAD_SOURCE, NODE_LIFECYCLE.source],
      }
    }
    case 'container': {
      const c = world.containers[sel.id]
      if (!c) return null
      const app = world.apps[c.appId]
      const image = world.images[c.imageId]
      const where = c.placement ? placementName(world, c.placement) : null
      const timed = c.state === 'pulling' || c.state === 'creating' || c.state === 'backoff'
      return {
        id: c.id,
        title: bothNames('container'),
        name: c.name,
        rows: [
          [
            'State',
            <>
              <span aria-hidden="true">{stateIcon(c.state)} </span>
              <Both l={CONTAINER_STATE_LABELS[c.state]} />
              {timed && `, ${secondsLeft(c.phaseEndsMs, now)} s left`}
            </>,
          ],
          ...(c.reason ? ([['Why', c.reason]] as Row[]) : []),
          ['Business (app)', app?.name ?? c.appId],
          ['Furniture kit (image)', image ? `${image.ref} · ${formatMiB(image.sizeMiB)} · needs ${GUEST_OS[image.os].label}` : c.imageId],
          [
            'Where',
            where ? (
              <>
                {where.metaphor} <span className="muted">/ {where.technical}</span>
              </>
            ) : (
              'not placed yet (pending)'
            ),
          ],
          [
            'Shares the kernel of',
            c.placement
              ? `${GUEST_OS[kernelOf(world, c.placement)].label} (${c.placement.kind === 'host' ? 'the house itself' : 'its apartment'})`
              : '—',
          ],
          [
            'Requests (what the scheduler counts)',
            `${cores(c.cpuRequestMilli)} core · ${formatMiB(c.memRequestMiB)}` +
              (RUNTIMES[c.runtime].overheadMiB || RUNTIMES[c.runtime].overheadCpuMilli
                ? ` + ${RUNTIMES[c.runtime].label} overhead ${cores(RUNTIMES[c.runtime].overheadCpuMilli)} core · ` +
                  `${formatMiB(RUNTIMES[c.runtime].overheadMiB)}`
                : '') +
              ` (the runtime shim's ~${CONTAINER_SHIM_MIB.value} MiB is memory in use, not a request)`,
          ],
          [
            'QoS class',
            <>
              {qosClass(c)}: <Both l={qosWhy(c)} />
            </>,
          ],
          ['Restarts', String(c.restarts)],
          [
            'Sent visitors (Service endpoint)',
            c.ready && (c.state === 'running' || c.state === 'lost')
              ? c.state === 'lost'
                ? 'yes, though its building is down: the manager has not noticed yet, so its visitors fail'
                : 'yes (ready)'
              : 'no (not ready)',
          ],
          ['Looked after by the manager', c.managed ? 'yes (a pod of a Deployment)' : 'no (a plain docker run)'],
        ],
        sources: [CONTAINER_START.source, CONTAINER_SHIM_MIB.source, CRASH_BACKOFF.source, MEMORY_PRESSURE.source],
      }
    }
    case 'app': {
      const a = world.apps[sel.id]
      if (!a) return null
      return {
        id: a.id,
        title: bothNames('app'),
        name: a.name,
        rows: [
          ['Manager', a.managed ? `hired: ${a.replicas} rooms on the clipboard` : 'not hired'],
          ['Open rooms (ready)', String(a.readyReplicas)],
          ['Visitors', `${a.rps}/s, each room serves ${a.capacityRps}/s`],
          ['Served so far', `${(servedRatio(a) * 100).toFixed(1)}%`],
          ['Waiting time', `${Math.round(a.latencyMs)} ms`],
        ],
        sources: [],
      }
    }
    case 'manager':
      return { id: 'manager', title: bothNames('manager'), name: '', rows: [], sources: [] }
  }
}

export function Inspector() {
  const world = useWorld()
  const sel = useUi((s) => s.selection)
  const vocab = useUi((s) => s.vocab)
  const lang = useLang()
  const t = useT()
  const d = sel ? describe(world, sel) : null
  const events = d ? eventsAbout(world, d.id).slice(-6).reverse() : []
  const wide = useHud((s) => s.inspectorWide)
  return (
    <section className={`panel inspector${wide ? ' wide' : ''}${d ? '' : ' empty'}`} aria-label={t('insp.label')} data-testid="inspector">
      {!d ? (
        <p className="muted">{t('insp.empty')}</p>
      ) : (
        <>
          <div className="panel-head">
            <h2>
              {t(`insp.${sel!.kind}`)} {d.name} <small className="kind">{d.title}</small>
            </h2>
            <button
              type="button"
              className="small"
              data-testid="inspector-expand"
              aria-expanded={wide}
              onClick={() => useHud.getState().toggleInspector()}
              title={wide ? t('insp.dock') : t('insp.expand')}
            >
              {wide ? t('insp.less') : t('insp.more')}
            </button>
          </div>
          <Table rows={d.rows} />
          {sel?.kind === 'container' && <ContainerDiagnosis containerId={d.id} />}
          {sel?.kind === 'container' && <WhyHere containerId={d.id} />}
          {(sel?.kind === 'host' || sel?.kind === 'vm') && <NodeDetails kind={sel.kind} id={d.id} />}
          {sel?.kind === 'app' && <Charts appId={d.id} />}
          {d.sources.length > 0 && <Sources list={d.sources} />}
          {events.length > 0 && (
            <>
              <h3>{t('insp.events')}</h3>
              <ul className="mini-log">
                {events.map((e) => (
                  <li key={e.seq}>
                    <time>{formatTime(e.atMs)}</time> {eventText(e, vocab, lang)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  )
}
