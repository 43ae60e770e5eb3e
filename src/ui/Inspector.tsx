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
  VM_STATE_LABELS_ES,
  HOST_POWER_LABELS_ES,
  CONTAINER_STATE_LABELS_ES,
  eventsAbout,
  formatMiB,
  formatTime,
  hostCapacity,
  hypervisorOverheadMiB,
  NODE_LIFECYCLE,
  kernelOf,
  nodeCondition,
  nodeConditionText,
  qosClass,
  qosWhy,
  MEMORY_PRESSURE,
  servedRatio,
  vmCapacity,
  eventText,
} from '../sim'
import type { Lang, World } from '../sim'
import { useGame, useUi, useWorld } from '../state'
import type { Selection } from '../state'
import { cores, money, secondsLeft, stateIcon, usedOf } from './format'
import { ContainerDiagnosis } from './machines/ContainerDiagnosis'
import { NodeDetails, WhyHere } from './manager/WhyHere'
import { Charts } from './manager/Charts'
import { useHud } from './uiStore'
import { useLang, useT } from './i18n'
import { usePhrases } from './i18n/phrases'
import { INSPECTOR_EN } from './inspectorText'
import type { InspectorText } from './inspectorText'

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

type Pair = { metaphor: string; technical: string }
/** A state's two names in a language, from one of the label tables (src/sim/labels.ts) and its Spanish twin. */
function labelPair<K extends string>(en: Record<K, Pair>, es: Record<K, readonly [string, string]>, key: K, lang: Lang): Pair {
  return lang === 'es' ? { metaphor: es[key][0], technical: es[key][1] } : en[key]
}

/** The selection's title, name, rows and sources, in the words of `x` (INSPECTOR_EN or its Spanish twin). */
export function describe(
  world: World,
  sel: NonNullable<Selection>,
  x: InspectorText = INSPECTOR_EN,
  lang: Lang = 'en',
): { title: string; name: string; rows: Row[]; sources: string[]; id: string } | null {
  const now = world.timeMs
  switch (sel.kind) {
    case 'host': {
      const h = world.hosts[sel.id]
      if (!h) return null
      const cap = hostCapacity(h)
      return {
        id: h.id,
        title: x.kind('host'),
        name: h.name,
        rows: [
          [
            x.state,
            <>
              <span aria-hidden="true">{stateIcon(h.power)} </span>
              <Both l={labelPair(HOST_POWER_LABELS, HOST_POWER_LABELS_ES, h.power, lang)} />
              {h.unschedulable && x.cordoned}
              {h.draining && x.draining}
            </>,
          ],
          [x.nodeCondition, <Both l={x.condition(nodeCondition(world, h), nodeConditionText(world, h))} />],
          [x.hostCpu, x.hostCpuValue(cores(h.alloc.cpuMilli), cores(cap.cpuMilli))],
          [x.hostMem, x.hostMemValue(usedOf(h.alloc.memMiB, cap.memMiB, lang), formatMiB(HOST_SYSTEM_RESERVED_MIB.value))],
          [x.vcpus, x.vcpusValue(h.alloc.vcpus, cap.vcpus, VCPU_OVERCOMMIT.value)],
          [x.hostRooms, String(h.alloc.pods)],
          [x.zone, h.zone],
          [x.cost, `${money(h.costPerHour)}${x.perHour}`],
          [x.kernel, x.hostKernel],
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
        title: x.kind('vm'),
        name: vm.name,
        rows: [
          [
            x.state,
            <>
              <span aria-hidden="true">{stateIcon(vm.state)} </span>
              <Both l={labelPair(VM_STATE_LABELS, VM_STATE_LABELS_ES, vm.state, lang)} />
              {timed && x.secondsLeft(secondsLeft(vm.phaseEndsMs, now))}
            </>,
          ],
          [x.guestOs, x.guestOsValue(os.label, formatMiB(os.memMiB), cores(os.cpuMilli))],
          [x.bootTime, `${os.boot.minMs / 1000}–${os.boot.maxMs / 1000} s`],
          [x.vmSize, `${vm.vcpus} vCPU · ${formatMiB(vm.memMiB)}`],
          [x.vmCpu, x.hostCpuValue(cores(vm.alloc.cpuMilli), cores(cap.cpuMilli))],
          [x.vmMem, x.reserved(usedOf(vm.alloc.memMiB, cap.memMiB, lang))],
          [x.frame, x.frameValue(formatMiB(hypervisorOverheadMiB(vm.memMiB, vm.vcpus)))],
          [x.inHouse, world.hosts[vm.hostId]?.name ?? '?'],
          [x.roomsInside, String(vm.alloc.pods)],
          [x.nodeCondition, <Both l={x.condition(nodeCondition(world, vm), nodeConditionText(world, vm))} />],
        ],
        sources: [os.boot.source, HYPERVISOR_OVERHEAD_SOURCE, NODE_LIFECYCLE.source],
      }
    }
    case 'container': {
      const c = world.containers[sel.id]
      if (!c) return null
      const app = world.apps[c.appId]
      const image = world.images[c.imageId]
      const p = c.placement
      const where = p
        ? x.place(p.kind === 'host', (p.kind === 'host' ? world.hosts[p.hostId]?.name : world.vms[p.vmId]?.name) ?? '?')
        : null
      const timed = c.state === 'pulling' || c.state === 'creating' || c.state === 'backoff'
      const rt = RUNTIMES[c.runtime]
      return {
        id: c.id,
        title: x.kind('container'),
        name: c.name,
        rows: [
          [
            x.state,
            <>
              <span aria-hidden="true">{stateIcon(c.state)} </span>
              <Both l={labelPair(CONTAINER_STATE_LABELS, CONTAINER_STATE_LABELS_ES, c.state, lang)} />
              {timed && x.secondsLeft(secondsLeft(c.phaseEndsMs, now))}
            </>,
          ],
          ...(c.reason ? ([[x.why, x.reason(c.reason)]] as Row[]) : []),
          [x.app, app?.name ?? c.appId],
          [x.image, image ? x.imageValue(image.ref, formatMiB(image.sizeMiB), GUEST_OS[image.os].label) : c.imageId],
          [
            x.where,
            where ? (
              <>
                {where.metaphor} <span className="muted">/ {where.technical}</span>
              </>
            ) : (
              x.notPlaced
            ),
          ],
          [x.sharesKernel, p ? x.kernelOwner(GUEST_OS[kernelOf(world, p)].label, p.kind === 'host') : '—'],
          [
            x.requests,
            x.requestsValue(cores(c.cpuRequestMilli), formatMiB(c.memRequestMiB)) +
              (rt.overheadMiB || rt.overheadCpuMilli
                ? x.runtimeOverhead(rt.label, cores(rt.overheadCpuMilli), formatMiB(rt.overheadMiB))
                : '') +
              x.shim(CONTAINER_SHIM_MIB.value),
          ],
          [
            x.qos,
            <>
              {qosClass(c)}: <Both l={x.qosWhy(qosClass(c), qosWhy(c))} />
            </>,
          ],
          [x.restarts, String(c.restarts)],
          [
            x.endpoint,
            c.ready && (c.state === 'running' || c.state === 'lost')
              ? c.state === 'lost'
                ? x.endpointLost
                : x.endpointReady
              : x.endpointNot,
          ],
          [x.managed, c.managed ? x.managedYes : x.managedNo],
        ],
        sources: [CONTAINER_START.source, CONTAINER_SHIM_MIB.source, CRASH_BACKOFF.source, MEMORY_PRESSURE.source],
      }
    }
    case 'app': {
      const a = world.apps[sel.id]
      if (!a) return null
      return {
        id: a.id,
        title: x.kind('app'),
        name: a.name,
        rows: [
          [x.manager, a.managed ? x.hired(a.replicas) : x.notHired],
          [x.openRooms, String(a.readyReplicas)],
          [x.visitors, x.visitorsValue(a.rps, a.capacityRps)],
          [x.served, `${(servedRatio(a) * 100).toFixed(1)}%`],
          [x.waiting, `${Math.round(a.latencyMs)} ms`],
        ],
        sources: [],
      }
    }
    case 'manager':
      return { id: 'manager', title: x.kind('manager'), name: '', rows: [], sources: [] }
  }
}

export function Inspector() {
  const world = useWorld()
  const sel = useUi((s) => s.selection)
  const vocab = useUi((s) => s.vocab)
  const lang = useLang()
  const t = useT()
  const x = usePhrases('inspector', INSPECTOR_EN)
  const d = sel ? describe(world, sel, x, lang) : null
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
