/**
 * What the end of a level says: on a loss, the objective that failed, by how much, and one thing
 * to try; on a win, this run's own figures beside the takeaway. Pure, so it can be tested.
 */
import { hourlyCost, servedRatio } from '../sim'
import type { Lang, World } from '../sim'
import { progressIn } from '../levels'
import type { ObjectiveStatus } from '../levels'

type Check = ObjectiveStatus['objective']['check']

const appName = (world: World, id: string) => world.apps[id]?.name ?? id

/** By how much an objective missed, in the words a player reads ("short by 2.3 points"), or null. */
export function shortfall(check: Check, world: World): string | null {
  switch (check.kind) {
    case 'servedRatio': {
      const app = world.apps[check.appId]
      if (!app) return null
      const gap = (check.min - servedRatio(app)) * 100
      if (gap <= 0) return null
      const lost = app.dropped
      return `short by ${gap < 0.1 ? gap.toFixed(2) : gap.toFixed(1)} percentage points: ${lost.toLocaleString('en')} of ${(
        app.served + app.dropped
      ).toLocaleString('en')} visitors were turned away`
    }
    case 'appsRunning': {
      const missing = check.appIds.filter(
        (id) => Object.values(world.containers).filter((c) => c.appId === id && c.state === 'running').length < check.min,
      )
      return missing.length ? `not open at the end: ${missing.map((id) => appName(world, id)).join(', ')}` : null
    }
    case 'vmsRunning': {
      const n = Object.values(world.vms).filter((v) => v.state === 'running' && (!check.os || v.os === check.os)).length
      return n < check.min ? `${check.min - n} apartment${check.min - n === 1 ? '' : 's'} short` : null
    }
    case 'costPerHourAtMost': {
      const cost = hourlyCost(world)
      return cost > check.max ? `$${(cost - check.max).toFixed(2)}/h over the budget` : null
    }
    case 'hostEmpty': {
      const n = world.hosts[check.hostId]?.alloc.pods ?? 0
      return n > 0 ? `${n} room${n === 1 ? '' : 's'} still inside` : null
    }
    default:
      return null
  }
}

/** One thing to try next time, for the kind of objective that failed. */
export function adviceFor(check: Check, world: World): string {
  switch (check.kind) {
    case 'appsRunning':
      return 'Give every business a room before you start the clock: pick it, select a house, press R.'
    case 'servedRatio': {
      const app = world.apps[check.appId]
      // Already managed: what is left to decide is how many rooms it keeps (a spare carries a crashed room's visitors).
      if (app?.managed)
        return (
          `Raise the number on ${app.name}'s clipboard (+) to ${app.replicas + 1}: a spare room carries the visitors ` +
          `while a crashed one waits to reopen.`
        )
      return (
        `Give ${appName(world, check.appId)} a second room, so visitors still get in while one room is down; or hire the manager ` +
        `(M) to reopen rooms that fall.`
      )
    }
    case 'vmsRunning':
      return 'Build the apartments early: each boots for a while before it runs, and its guest OS takes memory first.'
    case 'vmMemAtMost':
      return (
        `Size the ${check.os === 'windows' ? 'Windows' : 'Linux'} apartment to what it holds: its own OS first, then its rooms' ` +
        `memory; the rest of the house stays free for more apartments.`
      )
    case 'managed':
      return (
        `Hire the building manager (M) for ${appName(world, check.appId)} and keep ${check.minReplicas || 'enough'} rooms on its ` +
        `clipboard.`
      )
    case 'autoscaled':
      return `Set an autoscaler for ${appName(world, check.appId)} (a HorizontalPodAutoscaler): the least and most rooms and a CPU target.`
    case 'replicasAtMost':
      return `Keep at most ${check.max} rooms on ${appName(world, check.appId)}'s clipboard once the rush is over (− or an autoscaler).`
    case 'rolledOut':
      return `Switch ${appName(world, check.appId)} to the new kit early and let the rolling update finish; do not leave it paused.`
    case 'hostEmpty':
      return 'Cordon the house and drain it, so its rooms move out; a disruption budget only slows the move.'
    case 'costPerHourAtMost':
      return 'Use fewer or cheaper houses: the running cost of every standing house counts.'
    case 'appInstalled':
      return 'Install the app straight on the house whose packages match what it needs.'
    case 'appRunningOn':
      return `Pack ${appName(world, check.appId)} into a kit (an image) that carries what it needs, so it runs the same on every house.`
    case 'labAllRunning':
    case 'labTested':
      return 'Run both sides of the lab and wait until every apartment and room is up, then try the crash and the breach.'
  }
}

/** shortfall() in Spanish. */
export function shortfallEs(check: Check, world: World): string | null {
  const en = shortfall(check, world)
  if (en === null) return null
  const n = (re: RegExp) => re.exec(en)?.slice(1) ?? []
  switch (check.kind) {
    case 'servedRatio': {
      const [gap, lost, all] = n(/^short by ([\d.]+) percentage points: ([\d,]+) of ([\d,]+) visitors/)
      return `faltan ${gap} puntos porcentuales: se rechazaron ${lost} de ${all} visitantes`
    }
    case 'appsRunning':
      return en.replace(/^not open at the end: /, 'sin abrir al final: ')
    case 'vmsRunning': {
      const [k] = n(/^(\d+)/)
      return `falta${k === '1' ? '' : 'n'} ${k} apartamento${k === '1' ? '' : 's'}`
    }
    case 'costPerHourAtMost':
      return en.replace(/ over the budget$/, ' por encima del presupuesto')
    case 'hostEmpty': {
      const [k] = n(/^(\d+)/)
      return `queda${k === '1' ? '' : 'n'} ${k} habitaci${k === '1' ? 'ón' : 'ones'} dentro`
    }
    default:
      return en
  }
}

/** adviceFor() in Spanish. */
export function adviceForEs(check: Check, world: World): string {
  switch (check.kind) {
    case 'appsRunning':
      return 'Da a cada negocio una habitación antes de poner en marcha el reloj: elígelo, selecciona una casa, pulsa R.'
    case 'servedRatio': {
      const app = world.apps[check.appId]
      if (app?.managed)
        return (
          `Sube el número de la lista de ${app.name} (+) a ${app.replicas + 1}: una habitación de sobra atiende a los visitantes ` +
          `mientras una caída espera a reabrir.`
        )
      return (
        `Dale a ${appName(world, check.appId)} una segunda habitación, para que los visitantes sigan entrando mientras una está ` +
        `caída; o contrata al administrador (M) para que reabra las que caen.`
      )
    }
    case 'vmsRunning':
      return 'Construye pronto los apartamentos: cada uno tarda en arrancar antes de funcionar, y su SO invitado ocupa memoria primero.'
    case 'vmMemAtMost':
      return (
        `Dale al apartamento ${check.os === 'windows' ? 'Windows' : 'Linux'} el tamaño de lo que aloja: primero su propio SO, ` +
        `luego la memoria de sus habitaciones; el resto de la casa queda libre para más apartamentos.`
      )
    case 'managed':
      return (
        `Contrata al administrador del edificio (M) para ${appName(world, check.appId)} y deja ` +
        `${check.minReplicas || 'suficientes'} habitaciones en su lista.`
      )
    case 'autoscaled':
      return (
        `Pon un autoescalador a ${appName(world, check.appId)} (un HorizontalPodAutoscaler): el mínimo y el máximo de ` +
        `habitaciones y un objetivo de CPU.`
      )
    case 'replicasAtMost':
      return (
        `Deja como mucho ${check.max} habitaciones en la lista de ${appName(world, check.appId)} cuando pase la avalancha ` +
        `(− o un autoescalador).`
      )
    case 'rolledOut':
      return `Cambia pronto ${appName(world, check.appId)} al kit nuevo y deja que termine el rolling update; no lo dejes en pausa.`
    case 'hostEmpty':
      return 'Acordona la casa y vacíala (drain) para que salgan sus habitaciones; un presupuesto de interrupciones solo frena la mudanza.'
    case 'costPerHourAtMost':
      return 'Usa menos casas o más baratas: cuenta el coste de cada casa en pie.'
    case 'appInstalled':
      return 'Instala la app directamente en la casa cuyos paquetes coinciden con lo que necesita.'
    case 'appRunningOn':
      return (
        `Empaqueta ${appName(world, check.appId)} en un kit (una imagen) que lleve lo que necesita, para que funcione igual ` +
        `en todas las casas.`
      )
    case 'labAllRunning':
    case 'labTested':
      return (
        'Ejecuta los dos lados del laboratorio y espera a que estén en marcha todos los apartamentos y habitaciones; ' +
        'luego prueba la caída y el robo.'
      )
  }
}

export interface Story {
  /** The objectives that failed, each with its figure, its shortfall and one thing to try. */
  failed: { label: string; figure: string; shortfall: string | null; advice: string }[]
  /** This run's figures, one line per objective: what the takeaway is about, measured. */
  figures: string[]
}

/** The story in a language: give it the statuses of the level in that language (its labels), see ui/i18n/content.ts. */
export function levelStory(world: World, statuses: ObjectiveStatus[], vocab: 'metaphor' | 'technical', lang: Lang = 'en'): Story {
  const es = lang === 'es'
  const failed = statuses
    .filter((s) => !s.done)
    .map((s) => ({
      label: s.objective.label[vocab],
      figure: progressIn(s.progress, lang),
      shortfall: (es ? shortfallEs : shortfall)(s.objective.check, world),
      advice: (es ? adviceForEs : adviceFor)(s.objective.check, world),
    }))
  const figures = statuses.map((s) => `${s.objective.label[vocab]}: ${progressIn(s.progress, lang)}`)
  return { failed, figures }
}
