/**
 * The Spanish catalogue: every message id of the English one (catalogue.ts), each a pair of
 * sentences, the house words (casa, apartamento, habitación, administrador del edificio) and the
 * technical words as a Kubernetes engineer says them in Spanish (Pod, Deployment, kubelet, cgroup
 * stay as they are). Where the technical line is Kubernetes's or Docker's own output (an API error,
 * `Pulling image`, `deployment.apps/x scaled`), it is 'kubectl': kept in English, as real kubectl
 * prints it. TypeScript checks that every id is here and that a sentence reads only its own
 * parameters; test/unit/i18n.test.ts checks each uses exactly the parameters the English one uses.
 */
import type { KeysOf, MessageId } from './catalogue'
import type { Params, ParamValue } from './message'

type Sentence<I extends MessageId> = (p: Params<KeysOf<I>>) => string

/** A translation: the metaphor sentence, and the technical one or 'kubectl' (the English line, unchanged). */
export type Translation = { readonly [I in MessageId]: readonly [Sentence<I>, Sentence<I> | 'kubectl'] }

const list = (v: ParamValue): readonly string[] => (Array.isArray(v) ? v : [])
const s = (n: ParamValue): string => (Number(n) === 1 ? '' : 's')
/** The number inside a fragment the simulation wrote in English (" (3 rooms nobody manages stay…)"). */
const num = (v: ParamValue): string => /\d+/.exec(String(v))?.[0] ?? ''

const MISSING_ES: Record<string, readonly [string, (id: string) => string]> = {
  host: ['casa', (id) => `host ${id} no encontrado`],
  vm: ['apartamento', (id) => `VM ${id} no encontrada`],
  node: ['casa o apartamento', (id) => (id ? `nodo ${id} no encontrado` : 'nodo no encontrado')],
  place: ['sitio', () => 'destino no encontrado'],
  container: ['habitación', (id) => `contenedor ${id} no encontrado`],
  app: ['app', (id) => `deployment ${id} no encontrado`],
  image: ['kit de muebles', (id) => `imagen ${id} no encontrada`],
}
/** A place the simulation named in English ("house 1", "apartment a1", a bare "house"): the Spanish words, with their article. */
const place = (v: ParamValue): string =>
  String(v)
    .replace(/^house or apartment\b/i, 'la casa o el apartamento')
    .replace(/^house\b/i, 'la casa')
    .replace(/^apartment\b/i, 'el apartamento')
/** "a" or "de" before a place, contracted as Spanish does: "al apartamento", "del apartamento". */
const to = (v: ParamValue): string => `a ${place(v)}`.replace(/^a el /, 'al ')
const of = (v: ParamValue): string => `de ${place(v)}`.replace(/^de el /, 'del ')
/** The same place at the start of a sentence. */
const Place = (v: ParamValue): string => {
  const t = place(v)
  return t.charAt(0).toUpperCase() + t.slice(1)
}

/**
 * A fragment the simulation wrote in English inside a message or a room's reason (a crash's cause, a probe's "why",
 * a zone's rule), in Spanish. The simulation stores its English words unchanged (the world and its hash stay the
 * same); they are translated here, when read. What kubelet, the scheduler or kubectl print themselves (OOMKilled,
 * CrashLoopBackOff, "0/3 nodes are available") stays as they print it; a fragment not known here reads in English.
 */
export function fragmentEs(v: ParamValue): string {
  const text = String(v)
  for (const [re, es] of FRAGMENTS_ES) {
    const m = re.exec(text)
    if (m) return typeof es === 'string' ? es : es(m)
  }
  return text
}

type Rewrite = string | ((m: RegExpExecArray) => string)
const qosNote = (q: string | undefined, rest: string | undefined): string => {
  if (!q) return ''
  const why =
    rest === 'protected, yet the only one left' ? 'protegida, pero la única que quedaba' : 'menos protegida que una reservada del todo'
  return ` (una habitación ${q}: ${why})`
}
const FILTER_ES: Record<string, string> = {
  'some houses have a cone at the door': 'algunas casas tienen un cono en la puerta',
  'some carry a sign on the door it has no pass for': 'algunas tienen un cartel en la puerta para el que no tiene pase',
  'some are not the kind of place it asks for': 'algunas no son el tipo de sitio que pide',
  'some have no space left for it': 'a algunas no les queda espacio para ella',
  'some would crowd its rooms into one district': 'algunas amontonarían sus habitaciones en un mismo barrio',
  'some already hold one of its rooms it must keep apart from': 'algunas ya tienen una de sus habitaciones de la que debe estar separada',
}
const FRAGMENTS_ES: readonly (readonly [RegExp, Rewrite])[] = [
  // A crash (containers.crashed; the technical one is also the room's reason).
  [/^the app inside failed$/, 'la app de dentro falló'],
  [/^process exited with code (\d+)$/, (m) => `el proceso terminó con código ${m[1]}`],
  [/^the kit lacks (.+) that the app needs$/, (m) => `al kit le falta ${m[1]}, que la app necesita`],
  [
    /^exec failed: image (\S+) does not contain (.+) required by (.+)$/,
    (m) => `exec failed: la imagen ${m[1]} no contiene ${m[2]}, que necesita ${m[3]}`,
  ],
  [
    /^it grew past its space cap of (.+) \(using (.+)\) and was thrown out$/,
    (m) => `creció por encima de su tope de espacio de ${m[1]} (usaba ${m[2]}) y la echaron`,
  ],
  [
    /^OOMKilled: memory (.+) over limit (.+), exit code (\d+)$/,
    (m) => `OOMKilled: memoria ${m[1]} por encima del límite ${m[2]}, código de salida ${m[3]}`,
  ],
  [
    new RegExp(
      '^the (apartment|house) ran out of space and the caretaker of the plumbing threw out the biggest room ' +
        '\\((it was the one hoarding|it scored worst.*?)(?: \\(a (\\w+) room: (.*)\\))?\\)$',
    ),
    (m) =>
      `${m[1] === 'house' ? 'la casa' : 'el apartamento'} se quedó sin espacio y el conserje de las cañerías echó a la ` +
      'habitación más grande (' +
      (m[2] === 'it was the one hoarding'
        ? 'era la que acaparaba'
        : 'fue la peor puntuada, aunque no tenía fugas: una vecina sin tope llenó el espacio compartido') +
      `${qosNote(m[3], m[4])})`,
  ],
  [
    new RegExp(
      '^OOMKilled: (.+) out of memory; the kernel OOM killer chose the highest badness ' +
        '\\(usage (.+?)(, QoS \\w+, oom_score_adj by class|, oom_score_adj 0)\\), exit code (\\d+)$',
    ),
    (m) =>
      `OOMKilled: ${m[1]} sin memoria; el OOM killer del kernel eligió la mayor badness (uso ${m[2]}` +
      `${m[3]!.replace('oom_score_adj by class', 'oom_score_adj según su clase')}), código de salida ${m[4]}`,
  ],
  [
    /^Liveness probe failed \((\d+)× in a row, failureThreshold (\d+)\): killed by the kubelet \(SIGKILL, exit code (\d+)\)$/,
    (m) => `Liveness probe failed (${m[1]}× seguidas, failureThreshold ${m[2]}): el kubelet la mata (SIGKILL, código de salida ${m[3]})`,
  ],
  [
    /^CrashLoopBackOff: back-off (\d+)s restarting failed container(.*)$/,
    (m) => `CrashLoopBackOff: back-off ${m[1]}s restarting failed container${fragmentEs(m[2]!)}`,
  ],
  [/^ \(last termination: (.*)\)$/, (m) => ` (última terminación: ${fragmentEs(m[1]!)})`],
  // A level's scheduled command the street refused (step.scheduledSkipped): a missing package.
  [
    /^(\S+) won't work here: it needs (.+), this (house|apartment) has (.+)\. \(It worked on the developer's machine\.\)$/,
    (m) =>
      `${m[1]} no funciona aquí: necesita ${m[2]}, y ${m[3] === 'house' ? 'esta casa' : 'este apartamento'} tiene ${m[4]}. ` +
      '(En la máquina del desarrollador sí funcionaba.)',
  ],
  [
    /^(\S+) failed to start on (.+?): needs (.+), (host|VM) has (.+)$/,
    (m) => `${m[1]} no pudo arrancar en ${m[2]}: necesita ${m[3]}, ${m[4]} tiene ${m[5]}`,
  ],
  // An apartment resized while lived in (vmOps.resized), a move abandoned (vmOps.migrationAbortedAtSwitch).
  [
    /^: everyone moves out, (\d+) rooms close until it boots again$/,
    (m) => `: todos se mudan, ${m[1]} habitaciones cierran hasta que vuelva a arrancar`,
  ],
  [
    /^; reboot required: (\d+) containers down until boot completes$/,
    (m) => `; hace falta reiniciar: ${m[1]} contenedores caídos hasta que termine el arranque`,
  ],
  [/^ \(applies at next start\)$/, ' (se aplica en el próximo arranque)'],
  [/^target gone$/, 'el destino ya no existe'],
  // A room's reason while it waits or after its node went.
  [/^waiting for its apartment to finish booting$/, 'espera a que su apartamento termine de arrancar'],
  [/^its node went down$/, 'su nodo se cayó'],
  [/^pulling (\d+) of (\d+) layers \((.+)\)$/, (m) => `descargando ${m[1]} de ${m[2]} capas (${m[3]})`],
  [
    /^CPU throttled: CFS quota (\d+)m reached \(not killed, just slowed\)$/,
    (m) => `CPU limitada: alcanzada la cuota CFS de ${m[1]}m (no se la mata, solo va más lenta)`,
  ],
  [/^breached: initial compromise \(chaos\)$/, 'vulnerada: intrusión inicial (caos)'],
  [/^breached: attacker owns the shared kernel of (.+)$/, (m) => `vulnerada: el atacante controla el kernel compartido de ${m[1]}`],
  [/^breached: (.+)$/, (m) => `vulnerada: ${m[1]}`],
  // A probe's why (probes.readinessFailed, probes.livenessFailed).
  [/^the process is stuck and does not answer$/, 'el proceso está colgado y no contesta'],
  [/^it runs at (\d+)% speed and answers after the timeout$/, (m) => `va al ${m[1]} % de velocidad y contesta después del timeout`],
  // Why the manager finds no place (scheduler.failedScheduling).
  [/^: there is no house or apartment$/, ': no hay ninguna casa ni apartamento'],
  [
    /^: (some .+)$/,
    (m) =>
      `: ${m[1]!
        .split('; ')
        .map((w) => FILTER_ES[w] ?? w)
        .join('; ')}`,
  ],
  // A zone's disruption state (nodes.zoneDisruption).
  [/^evictions at the normal rate \(0\.1 nodes\/s\)$/, 'desalojos al ritmo normal (0,1 nodos/s)'],
  [
    /^every zone has lost all its nodes: the controller assumes its own network failed and evicts nothing$/,
    'todas las zonas han perdido todos sus nodos: el controlador supone que falló su propia red y no desaloja nada',
  ],
  [
    /^no node of it is Ready; evictions at the normal rate \(0\.1 nodes\/s\)$/,
    'ninguno de sus nodos está Ready; desalojos al ritmo normal (0,1 nodos/s)',
  ],
  [
    /^≥ 55 % of its nodes NotReady in a small zone \((\d+) ≤ 50 nodes\): evictions stop there$/,
    (m) => `≥ 55 % de sus nodos NotReady en una zona pequeña (${m[1]} ≤ 50 nodos): allí se paran los desalojos`,
  ],
  [/^≥ 55 % of its nodes NotReady: evictions slow to 0\.01 nodes\/s$/, '≥ 55 % de sus nodos NotReady: los desalojos bajan a 0,01 nodos/s'],
  // The kernel's choice when a house runs short (cgroups.evictedForMemory).
  [/^it used (\d+) MiB more than it booked$/, (m) => `usaba ${m[1]} MiB más de lo que reservó`],
  [/^the lowest ranked$/, 'la peor clasificada'],
  // The autoscaler's decision (hpa.rescale).
  [
    /^waits: it wanted (\d+) rooms a moment ago, and closes rooms only after (\d+) calm minutes$/,
    (m) => `espera: hace un momento quería ${m[1]} habitaciones, y solo cierra habitaciones tras ${m[2]} minutos de calma`,
  ],
  [/^the count it wants is within its limits$/, 'el número que quiere está dentro de sus límites'],
  [/^holds at its minimum of (\d+)$/, (m) => `se queda en su mínimo de ${m[1]}`],
  [
    /^wants (\d+) rooms but may add only (\d+) per check$/,
    (m) => `quiere ${m[1]} habitaciones pero solo puede añadir ${m[2]} por revisión`,
  ],
  [/^stops at its maximum of (\d+)$/, (m) => `se para en su máximo de ${m[1]}`],
  [/^off: the clipboard says zero rooms$/, 'apagado: la lista dice cero habitaciones'],
  [/^more rooms than its maximum: down to (\d+)$/, (m) => `más habitaciones que su máximo: baja a ${m[1]}`],
  [/^fewer rooms than its minimum: up to (\d+)$/, (m) => `menos habitaciones que su mínimo: sube a ${m[1]}`],
  [
    /^cannot tell how busy the rooms are \(none is open and measured\)$/,
    'no sabe cuánto trabajan las habitaciones (ninguna está abierta y medida)',
  ],
  // Probes set on an app (pods.probesSet).
  [
    /^(a "ready for visitors\?" check every|no more "ready for visitors\?" check|a "still alive\?" check every)/,
    (m) =>
      m.input
        .replace(
          /a "ready for visitors\?" check every (\d+) s \(out of the doorman's rotation after (\d+) failures\)/,
          'una revisión de "¿lista para visitantes?" cada $1 s (fuera de la rotación del portero tras $2 fallos)',
        )
        .replace(
          /a "still alive\?" check every (\d+) s \(restarted after (\d+) failures\)/,
          'una revisión de "¿sigue viva?" cada $1 s (reiniciada tras $2 fallos)',
        )
        .replace(/no more "ready for visitors\?" check/, 'ninguna revisión más de "¿lista para visitantes?"')
        .replace(/no more "still alive\?" check/, 'ninguna revisión más de "¿sigue viva?"')
        .replace(/\) and /, ') y '),
  ],
  [/^no more "still alive\?" check$/, 'ninguna revisión más de "¿sigue viva?"'],
  // Where an app's rooms must live (placement.nodeAffinity).
  [/^anywhere$/, 'en cualquier sitio'],
  [/^where (.+)$/, (m) => `donde ${m[1]!.replace(/ and /g, ' y ')}`],
]

const missing = (kind: ParamValue) => MISSING_ES[String(kind)] ?? MISSING_ES.place!

export const ES: Translation = {
  'common.notFound': [(p) => `No existe ese sitio: ${missing(p.kind)[0]}.`, (p) => missing(p.kind)[1](String(p.id))],
  'clock.refused.delayscaleMustBeIn': [
    () => `El tiempo de clase debe estar entre 0 y 1 × el tiempo real.`,
    () => `delayScale debe estar en (0, 1]`,
  ],
  'legacy.text': [(p) => String(p.metaphor), (p) => String(p.technical)],

  'breach.breached': [
    (p) => {
      const reach = p.kernelOwned
        ? `Entró en las cañerías y el cableado compartidos y llegó a ${p.reached} habitación${p.reached === 1 ? '' : 'es'}.`
        : 'No pudo salir de la habitación.'
      const stop = p.escaped
        ? 'Una rara fuga del hipervisor (como VENOM, CVE-2015-3456: 1 entre 1.000 aquí) lo sacó del apartamento a toda la casa.'
        : !p.kernelOwned
          ? p.sandboxed
            ? `Se quedó en la habitación: el sandbox ${p.runtime} aguantó.`
            : `Se quedó en la habitación: las cerraduras (${p.odds} % de probabilidad de escapar) aguantaron.`
          : p.inVm
            ? 'Se detuvo en las paredes del apartamento: el de al lado tiene su propio kernel.'
            : 'Se quedó en la casa: los apartamentos tienen su propio kernel.'
      return `¡Un ladrón en una habitación de ${p.app} en ${place(p.where)}! ${reach} ${stop}`
    },
    (p) => {
      const how = p.kernelOwned ? `escape del contenedor al kernel compartido; ${p.reached} contenedor(es) comprometidos` : 'sin escape'
      const wall = p.escaped
        ? 'Escape del hipervisor (raro, clase CVE-2015-3456): alcanzados todos los contenedores del host.'
        : p.inVm && p.kernelOwned
          ? 'Contenido por el límite de la VM (su propio kernel invitado).'
          : ''
      return `Brecha en ${p.room} (${p.runtime}) en ${p.whereTechnical}: ${how}. ${wall}`.trim()
    },
  ],
  'breach.refused.containerIs': [
    () => `Nadie puede entrar a robar en una habitación que no está abierta.`,
    (p) => `el contenedor ${p.src} está ${p.state}`,
  ],
  'breach.refused.containerAlreadyCompromised': [
    () => `En esa habitación ya han entrado.`,
    (p) => `el contenedor ${p.src} ya está comprometido`,
  ],

  'autoscaler.nodeJoined': [
    (p) => `La casa que compró el agente inmobiliario, ${p.host}, está construida y acepta habitaciones.`,
    (p) => `El nodo ${p.host} se unió al clúster y está Ready (aprovisionado en ${p.wait} s).`,
  ],
  'autoscaler.nodeRemoved': [
    (p) => `El agente inmobiliario vendió la casa ${p.host}: sus habitaciones encontraron sitio en otra parte.`,
    (p) => `Scale-down: cluster-autoscaler eliminó el nodo ${p.host} (vacío tras el drain).`,
  ],
  'autoscaler.notTriggerScaleUpWouldNotFit': [
    () => `Algunas habitaciones esperan un espacio que ni una casa nueva del tipo del agente tendría.`,
    (p) =>
      `NotTriggerScaleUp: el pod no disparó el scale-up (no cabría ni con un nodo nuevo: plantilla ${p.cores} cores, ` +
      `${p.memMiB} MiB, linux).`,
  ],
  'autoscaler.notTriggerScaleUpMaxSize': [
    (p) => `Hay habitaciones esperando sitio, pero el agente inmobiliario puede tener como mucho ${p.maxHosts} casas en esta calle.`,
    (p) => `NotTriggerScaleUp: el pod no disparó el scale-up: alcanzado el tamaño máximo del grupo de nodos (maxHosts ${p.maxHosts}).`,
  ],
  'autoscaler.notTriggerScaleUpBudget': [
    (p) => `Hay habitaciones esperando sitio, pero otra casa costaría más que el presupuesto de ${p.budgetPerHour}/h.`,
    (p) =>
      `NotTriggerScaleUp: el pod no disparó el scale-up: un nodo a ${p.costPerHour}/h llevaría al clúster por encima de su ` +
      `presupuesto de ${p.budgetPerHour}/h.`,
  ],
  'autoscaler.triggeredScaleUp': [
    (p) => {
      const names = list(p.names)
      return (
        `${p.waiting} habitación${p.waiting === 1 ? '' : 'es'} esperan sitio: el agente inmobiliario compra ${names.length} ` +
        `casa${s(names.length)} (${names.join(', ')}), lista${s(names.length)} en unos ${p.wait} s.`
      )
    },
    (p) => {
      const names = list(p.names)
      const zones = list(p.zones)
      const nodes = names.map((n, i) => `${n} (zona ${zones[i]})`).join(', ')
      return (
        `TriggeredScaleUp: pod triggered scale-up: [{template ${p.hosts}->${Number(p.hosts) + names.length} (max: ${p.maxHosts})}] ` +
        `para ${p.waiting} pod(s) no programables; aprovisionando los nodos ${nodes}.`
      )
    },
  ],
  'autoscaler.scaleDownBlocked': [
    (p) =>
      `El agente inmobiliario vendería la casa ${p.host}, pero mover ahora sus habitaciones rompería la promesa de habitaciones ` +
      `abiertas de ${p.blocking}.`,
    (p) => `Scale-down: el nodo ${p.host} no se elimina: desalojar sus pods violaría el PodDisruptionBudget de ${p.blocking}.`,
  ],
  'autoscaler.scaleDownUnneeded': [
    (p) =>
      `La casa ${p.host} lleva ${p.now} min casi vacía (${p.pct} % reservado): el agente inmobiliario saca sus ${p.pods} ` +
      `habitación${p.pods === 1 ? '' : 'es'} y la vende.`,
    (p) =>
      `ScaleDown: el nodo ${p.host} lleva ${p.now2} s sin hacer falta (utilización ${p.pct} % < ${p.scaleDownUtilisation} %); taint ` +
      `${p.TO_BE_DELETED_TAINT}:NoSchedule, drenando ${p.pods} pod(s).`,
  ],

  'apps.trafficSet': [(p) => `${p.app} recibe ahora ${p.rps} visitantes por segundo.`, (p) => `Tráfico hacia ${p.app}: ${p.rps} req/s.`],
  'apps.removed': [(p) => `El negocio ${p.app} se mudó: el administrador cerró todas sus habitaciones.`, 'kubectl'],
  'apps.refused.imageNotFound': [() => `Ese kit de muebles no existe.`, (p) => `imagen ${p.imageId} no encontrada`],
  'apps.refused.appAlreadyExists': [(p) => `Ya existe una app llamada ${p.id}.`, (p) => `la app ${p.id} ya existe`],
  'apps.refused.unknownRuntime': [() => `Tipo de paredes de habitación desconocido.`, (p) => `runtime desconocido ${p.runtime}`],
  'apps.refused.rpsMustBe': [() => `Los visitantes por segundo no pueden ser negativos.`, () => `rps debe ser ≥ 0`],
  'apps.refused.specSelectorRequiredValue': [
    () => `El administrador necesita al menos una etiqueta para encontrar sus habitaciones.`,
    'kubectl',
  ],
  'apps.refused.portsInvalidValueMust': [() => `Un número de puerta va de 1 a 65535.`, 'kubectl'],
  'apps.refused.specTemplateSpecContainers': [() => `La habitación necesita un nombre.`, 'kubectl'],

  'cgroups.throttled': [
    (p) => `Una habitación de ${p.app} llegó a su tope de ${p.cpuLimitMilli} trabajadores: trabaja más despacio, nadie sale expulsado.`,
    (p) => `Contenedor ${p.room} limitado (throttled) en su límite de ${p.roomCpuLimitMilli}m de CPU (cuota CFS).`,
  ],
  'cgroups.swapping': [
    (p) =>
      `La casa ${p.host} prometió más espacio del que tiene y sus apartamentos ya lo usan: guarda cosas en el sótano (swap) y ` +
      `todo lo de dentro va al ${p.speed} % de velocidad.`,
    (p) =>
      `El host ${p.host} hace swap: los invitados tocan ${p.inUse} MiB de ${p.memMiB} MiB físicos (sobreasignación de memoria ` +
      `${p.memOvercommit}:1); VMs ralentizadas al ${p.speed} %.`,
  ],
  'cgroups.swapStopped': [
    (p) => `La casa ${p.host} ya no necesita el sótano: otra vez a toda velocidad.`,
    (p) => `El host ${p.host} dejó de hacer swap.`,
  ],
  'cgroups.evictedForMemory': [
    (p) =>
      `${Place(p.where)} casi no tiene espacio: el conserje sacó una habitación de ${p.app} (${p.qos}: ${fragmentEs(p.why)}); ` +
      'el administrador la vuelve a abrir en otro sitio.',
    'kubectl',
  ],

  'chaos.hung': [
    (p) => `Una habitación de ${p.app} se quedó colgada: las luces encendidas pero nadie abre la puerta.`,
    (p) => `Contenedor ${p.room} colgado (proceso vivo, sin responder); solo una sonda puede notarlo.`,
  ],
  'chaos.unhung': [
    (p) => `Una habitación de ${p.app} se descolgó y vuelve a responder.`,
    (p) => `El contenedor ${p.room} responde de nuevo.`,
  ],
  'chaos.guestKernelPanic': [
    (p) => `¡Inundación en el apartamento ${p.vm}! Se han perdido ${p.lost} habitaciones; los vecinos siguen secos.`,
    (p) => `VM ${p.vm}: kernel panic del invitado. ${p.lost} contenedores de su kernel perdidos; las demás VMs no se ven afectadas.`,
  ],
  'chaos.memoryLeak': [
    (p) => `Algo en una habitación de ${p.apps} no para de acaparar espacio (${p.mibPerS} MiB por segundo).`,
    (p) => `Caos: fuga de memoria en ${p.room}, ${p.mibPerS} MiB/s.`,
  ],
  'chaos.cpuHog': [
    (p) =>
      p.on
        ? `Una habitación de ${p.app} arranca una máquina desbocada que quiere a todos los trabajadores del edificio.`
        : `Se apaga la máquina desbocada de una habitación de ${p.app}.`,
    (p) => (p.on ? `Caos: CPU hog en ${p.room} (bucle ocupado en cada core que consigue).` : `CPU hog en ${p.room} detenido.`),
  ],
  'chaos.refused.containerIs': [
    () => `Esa habitación no está abierta, así que no puede colgarse.`,
    (p) => `el contenedor ${p.room} está ${p.state}`,
  ],
  'chaos.refused.containerIsAlreadyHung': [() => `Esa habitación ya está colgada.`, (p) => `el contenedor ${p.room} ya está colgado`],
  'chaos.refused.containerIsNotHung': [() => `Esa habitación no está colgada.`, (p) => `el contenedor ${p.room} no está colgado`],
  'chaos.refused.containerIs2': [
    () => `Esa habitación no está abierta, así que no puede derrumbarse.`,
    (p) => `el contenedor ${p.room} está ${p.state}`,
  ],
  'chaos.refused.noRunningContainerOf': [
    (p) => `Ninguna habitación de ${p.app} está abierta.`,
    (p) => `ningún contenedor de ${p.app} en ejecución`,
  ],
  'chaos.refused.vmIs': [(p) => `El apartamento ${p.vm} no está habitado.`, (p) => `la VM ${p.vm} está ${p.state}`],
  'chaos.refused.mibpersOutOfRange': [() => `Elige una fuga entre 0 y 10.000 MiB por segundo.`, () => `mibPerS fuera de rango`],
  'chaos.refused.countMustBeAn': [() => `Elige al menos una habitación.`, () => `count debe ser un entero ≥ 1`],
  'chaos.refused.noRunningRespondingContainer': [
    (p) => `Ninguna habitación de ${p.app} está abierta.`,
    (p) => `ningún contenedor de ${p.app} en ejecución y respondiendo`,
  ],

  'containers.run': [
    (p) => `Se prepara una habitación para ${p.app} en ${place(p.whereMetaphor)}.`,
    (p) => `docker run ${p.image} en ${p.whereTechnical} (${p.room}).`,
  ],
  'containers.removed': [(p) => `Se vació una habitación de ${p.app}.`, (p) => `Contenedor ${p.room} eliminado.`],
  'containers.crashed': [
    (p) => `Una habitación de ${p.app} se derrumbó (${fragmentEs(p.metaphorWhy)}). Las de alrededor siguen como si nada.`,
    (p) => `El contenedor ${p.room} falló: ${fragmentEs(p.technicalWhy)}. Los demás contenedores no se ven afectados.`,
  ],
  'containers.refused.imageNotFound': [() => `La app no tiene kit de muebles.`, (p) => `imagen ${p.imageId} no encontrada`],
  'containers.refused.unknownRuntime': [() => `Tipo de paredes de habitación desconocido.`, (p) => `runtime desconocido ${p.runtime}`],
  'containers.refused.cpuLimitMMust': [
    () => `Un tope de trabajadores debe ser al menos lo que reserva la habitación.`,
    (p) => `el límite de cpu ${p.cpuLimit}m debe ser ≥ la petición ${p.cpuReq}m`,
  ],
  'containers.refused.memoryLimitMibMust': [
    () => `Un tope de espacio debe ser al menos lo que reserva la habitación.`,
    (p) => `el límite de memoria ${p.memLimit} MiB debe ser ≥ la petición ${p.memReq} MiB`,
  ],

  'drain.blockedByBudget': [
    (p) => `El administrador espera: sacar ahora otra habitación de la casa ${p.host} rompería la promesa de un negocio.`,
    'kubectl',
  ],
  'drain.drained': [
    (p) => {
      const n = num(p.bare)
      const stay = n ? ` (se quedan ${n} habitaciones que nadie administra: se perderían)` : ''
      return `La casa ${p.host} ya no tiene habitaciones del administrador${stay}.`
    },
    'kubectl',
  ],

  'hosts.removed': [(p) => `Casa ${p.host} vendida.`, (p) => `Host ${p.host} eliminado.`],
  'hosts.failed': [
    (p) => `¡Fuego! La casa ${p.host} ardió con ${p.vms} apartamentos y ${p.rooms} habitaciones.`,
    (p) => `Fallo del host ${p.host}: ${p.vms} VMs y ${p.rooms} contenedores perdidos.`,
  ],
  'hosts.kernelPanic': [
    (p) =>
      `Fallaron las cañerías compartidas de la casa ${p.host} (kernel panic): ${p.vms} apartamentos y ${p.rooms} habitaciones ` +
      `a oscuras; las paredes siguen en pie.`,
    (p) => `Host ${p.host}: kernel panic. Su kernel lo comparten todos sus contenedores: ${p.vms} VMs y ${p.rooms} contenedores perdidos.`,
  ],
  'hosts.zoneFailed': [
    (p) => `¡Fuego en toda la zona ${p.zone}! ${p.hosts} casas ardieron con ${p.vms} apartamentos y ${p.rooms} habitaciones.`,
    (p) => `Caída de la zona ${p.zone}: ${p.hosts} hosts caídos, ${p.vms} VMs y ${p.rooms} contenedores perdidos.`,
  ],
  'hosts.repaired': [
    (p) => `La cuadrilla de infraestructura reconstruyó la casa ${p.host} (no el administrador del edificio).`,
    (p) => `Host ${p.host} reparado y encendido (capa de infraestructura).`,
  ],
  'hosts.joined': [
    (p) => `Casa ${p.name} construida (${p.cores} trabajadores, ${p.memMiB}).`,
    (p) => `El host ${p.name} se unió: ${p.cores} cores, ${p.memMiB} de RAM.`,
  ],
  'hosts.refused.hostIsNotEmpty': [
    (p) => `La casa ${p.host} aún tiene apartamentos o habitaciones; vacíala primero.`,
    (p) => `el host ${p.host} no está vacío`,
  ],
  'hosts.refused.hostIs': [(p) => `La casa ${p.host} no está en pie.`, (p) => `el host ${p.host} está ${p.power}`],
  'hosts.refused.noHostWithPower': [
    (p) => `No hay ninguna casa en pie en la zona ${p.zone}.`,
    (p) => `ningún host encendido en la zona ${p.zone}`,
  ],
  'hosts.refused.hostIsOn': [(p) => `La casa ${p.host} ya está en pie.`, (p) => `el host ${p.host} está encendido`],
  'hosts.refused.aHouseNeedsAt': [
    () => `Una casa necesita al menos un core y algo de memoria.`,
    () => `Una casa necesita al menos un core y algo de memoria.`,
  ],
  'hosts.refused.memoryOvercommitRatioMust': [
    (p) => `Promete entre 1× y ${p.maxRatio}× la memoria de la casa.`,
    (p) => `la proporción de sobreasignación de memoria debe estar en [1, ${p.maxRatio}]`,
  ],
  'hosts.refused.idAlreadyInUse': [(p) => `Ya existe algo llamado ${p.id}.`, (p) => `el id ${p.id} ya está en uso`],

  'hpa.rescaled': [
    (p) =>
      `El administrador del edificio ${p.up} habitaciones de ${p.app}: ${p.current} → ${p.desired} (las habitaciones están al ` +
      `${p.cpuPercent} %, objetivo ${p.targetCpuPercent} %).`,
    'kubectl',
  ],
  'hpa.rescale': [
    (p) =>
      `El administrador del edificio ${p.up ? 'añade' : 'cierra'} habitaciones de ${p.app}: ${p.current} → ${p.desired} ` +
      `(ocupación ${p.busy}, objetivo ${p.targetCpuPercent} %; ${fragmentEs(p.why)}).`,
    'kubectl',
  ],

  'hypervisor.booting': [
    (p) => `Apartamento ${p.vm}: paredes levantadas, ahora se instala ${p.label}.`,
    (p) => `VM ${p.vm}: arrancando el kernel de ${p.label}.`,
  ],
  'hypervisor.running': [
    (p) => `El apartamento ${p.vm} está habitado: su propio ${p.GUEST_OS} tardó ${p.tookS} s en arrancar.`,
    (p) => `VM ${p.vm} en ejecución (arranque de ${p.GUEST_OS}: ${p.tookS} s).`,
  ],

  'images.built': [
    (p) =>
      `El constructor hizo el kit ${p.ref}: ${p.reused} pieza${s(p.planReused)} prefabricada${s(p.planReused)} ` +
      `reutilizada${s(p.planReused)} ` +
      `de montajes anteriores, ${p.built} nueva(s) (${p.sizeMiB} en total).`,
    (p) => `docker build -t ${p.ref}: ${p.layers} capas, ${p.reused} CACHED, ${p.built} construidas; ${p.sizeMiB}.`,
  ],
  'images.refused.dockerfileHasNoInstructions': [() => `Un plano necesita al menos un paso.`, () => `el Dockerfile no tiene instrucciones`],
  'images.refused.dockerfileMustStartWith': [
    () => `Un plano empieza por un kit base (FROM …).`,
    () => `el Dockerfile debe empezar por FROM`,
  ],
  'images.refused.layerSizeMustBe': [() => `Cada paso añade cero o más MiB.`, () => `el tamaño de la capa debe ser ≥ 0`],
  'images.refused.invalidImageReference': [
    () => `Nombra el kit como nombre:tag, p. ej. web:1.1.`,
    (p) => `referencia de imagen no válida ${p.ref}`,
  ],
  'images.refused.imageExistsWithDifferent': [
    (p) => `Ya existe un kit llamado ${p.ref} y los kits nunca cambian. Dale al nuevo otro tag (p. ej. ${p.bumpTag}).`,
    (p) => `la imagen ${p.ref} existe con otras capas; las imágenes son inmutables, usa un tag nuevo`,
  ],
  'images.refused.imageAlreadyExists': [(p) => `Ya existe un kit llamado ${p.id}.`, (p) => `la imagen ${p.id} ya existe`],
  'images.refused.imageAlreadyExists2': [(p) => `Ya existe un kit llamado ${p.id}.`, (p) => `la imagen ${p.id} ya existe`],
  'images.refused.imageSizeMustBe': [() => `Un kit tiene que pesar algo.`, () => `el tamaño de la imagen debe ser > 0 MiB`],

  'kubelet.restarted': [
    (p) => `El conserje reabrió una habitación de ${p.app} en ${place(p.whereMetaphor)} (reinicio ${p.restarts}).`,
    (p) => `Contenedor ${p.room} reiniciado en ${p.whereTechnical} (restartCount ${p.restarts}).`,
  ],
  'kubelet.restartImmediately': [
    (p) => `El conserje reabrió enseguida la habitación de ${p.app}: el primer derrumbe no espera (el segundo sí).`,
    (p) => `Reiniciando el contenedor ${p.room} de inmediato (primer fallo, aún sin back-off)${fragmentEs(p.last)}.`,
  ],
  'kubelet.backOff': [(p) => `El conserje reabrirá la habitación de ${p.app} dentro de ${p.wait} s.`, 'kubectl'],
  'kubelet.pulling': [
    (p) =>
      `Una furgoneta de reparto lleva el kit de ${p.app} ${to(p.where)}: ${p.crates} caja${s(p.crates)}` +
      `${p.cached ? `, ${p.cached} ya en el trastero` : ''}.`,
    'kubectl',
  ],

  'machine.appInstalled': [
    (p) => `${p.app} instalada directamente en ${place(p.whereMetaphor)}: todo lo que necesita está ahí.`,
    (p) => `${p.app} instalada en ${p.whereTechnical} (sin contenedor); dependencias satisfechas: ${p.requires}.`,
  ],
  'machine.packagesInstalled': [
    (p) => `Instalado ${p.packages} en ${place(p.whereMetaphor)}.`,
    (p) => `${p.whereTechnical}: instalado ${p.packages}.`,
  ],
  'machine.limitsSet': [
    (p) => `Las habitaciones de ${p.app} tienen ahora topes: ${p.lim}.`,
    (p) => `${p.app}: límites fijados (${p.lim}); aplicados en caliente.`,
  ],
  'machine.runtimeSet': [
    (p) => `Las habitaciones nuevas de ${p.app} serán ${p.rtMetaphor}; las ya abiertas conservan las suyas hasta que se sustituyan.`,
    (p) => `${p.app}: runtimeClass ${p.label} para los pods nuevos (los existentes conservan la suya).`,
  ],
  'machine.securitySet': [
    (p) => `Las habitaciones nuevas de ${p.app} reciben ${p.restricted}: ${p.s}.`,
    (p) => `${p.app} securityContext para los pods nuevos: ${p.s}${p.restricted2}.`,
  ],
  'machine.memOvercommitSet': [
    (p) =>
      `La casa ${p.host} puede prometer ahora a sus apartamentos ${p.ratio}× la memoria que tiene. Si todos la usan, hace swap ` +
      `al disco y todo se ralentiza.`,
    (p) => `Host ${p.host}: sobreasignación de memoria ${p.ratio}:1 (swap cuando los invitados tocan más que la RAM física).`,
  ],
  'machine.missingPackage': [
    (p) =>
      `${p.app} no funciona aquí: necesita ${p.needText}, y este sitio (${p.kind}) tiene ${p.haveText}. ` +
      `(En la máquina del desarrollador sí funcionaba.)`,
    (p) => `${p.app} no pudo arrancar en ${p.where}: necesita ${p.need}, ${p.tech} tiene ${p.hasTechnical}`,
  ],
  'machine.refused.packagesMustBeNon': [() => `Nombra los paquetes que instalar.`, () => `los paquetes deben ser cadenas no vacías`],
  'machine.refused.unknownRuntime': [() => `Tipo de paredes de habitación desconocido.`, (p) => `runtime desconocido ${p.runtime}`],
  'machine.refused.memoryOvercommitRatioMust': [
    (p) => `Promete entre 1× y ${p.maxRatio}× la memoria de la casa.`,
    (p) => `la proporción de sobreasignación de memoria debe estar en [1, ${p.maxRatio}]`,
  ],
  'machine.refused.hostAlreadyAllocated': [
    (p) => `La casa ${p.host} ya ha prometido más que eso.`,
    (p) => `host ${p.host}: ${p.memMiB} ya asignados`,
  ],

  'manager.scaled': [(p) => `La lista del administrador dice ahora ${p.app}: ${p.replicas} habitaciones (antes ${p.before}).`, 'kubectl'],
  'manager.deploymentCreated': [
    (p) => `El administrador del edificio se ocupa ahora de ${p.app}: ${p.replicas} habitaciones en su lista.`,
    (p) => `Deployment ${p.app} creado (replicas: ${p.replicas}); los contenedores existentes quedan adoptados.`,
  ],
  'manager.deploymentDeleted': [
    (p) => `El administrador del edificio ya no se ocupa de ${p.app}.`,
    (p) => `Deployment ${p.app} eliminado con --cascade=orphan.`,
  ],
  'manager.imageSetUnmanaged': [
    (p) => `Las habitaciones nuevas de ${p.app} tendrán el kit ${p.image}; las ya abiertas conservan el suyo hasta que las sustituyas.`,
    (p) =>
      `${p.app}: imagen ${p.image} para los contenedores nuevos; los que corren conservan la suya (no hay Deployment que los actualice).`,
  ],
  'manager.imageUpdated': [
    (p) => `El administrador del edificio empieza a reformar las habitaciones de ${p.app} con ${p.image}, unas pocas cada vez.`,
    (p) =>
      `deployment/${p.app}: imagen actualizada a ${p.image} (revisión ${p.rev}); rolling update (maxSurge ${p.maxSurgePercent} %, ` +
      `maxUnavailable ${p.maxUnavailablePercent} %).`,
  ],
  'manager.rolledBack': [(p) => `El administrador del edificio vuelve a poner los muebles viejos de ${p.app} (${p.images}).`, 'kubectl'],
  'manager.rolloutPaused': [(p) => `La reforma de ${p.app} ${p.paused ? 'queda en pausa' : 'sigue adelante'}.`, 'kubectl'],
  'manager.hpaCreated': [
    (p) =>
      `El administrador del edificio abrirá o cerrará habitaciones de ${p.app} para mantenerlas ocupadas en torno al ` +
      `${p.targetCpuPercent} % (${p.minReplicas}–${p.maxReplicas} habitaciones).`,
    (p) => `horizontalpodautoscaler/${p.app} creado: cpu ${p.targetCpuPercent} %, mín. ${p.minReplicas}, máx. ${p.maxReplicas}.`,
  ],
  'manager.hpaDeleted': [(p) => `Se acabó el recuento automático de habitaciones de ${p.app}.`, 'kubectl'],
  'manager.drainStarted': [
    (p) =>
      `La casa ${p.host} se vacía por obras: el administrador saca sus habitaciones y mantiene abierto el mínimo prometido ` +
      `de cada negocio.`,
    (p) => `node/${p.host} cordoned; desalojando pods (respetando los PodDisruptionBudgets).`,
  ],
  'manager.clusterAutoscalerDisabled': [
    () => `El agente inmobiliario queda despedido: ya nadie compra ni vende casas por su cuenta.`,
    () => `cluster-autoscaler desactivado.`,
  ],
  'manager.clusterAutoscalerConfigured': [
    (p) =>
      `Un agente inmobiliario vigila ahora la calle: compra una casa (${p.cores} trabajadores, ${p.memMiB}, ${p.costPerHour}/h) ` +
      `cuando hay habitaciones esperando sitio, y vende las que compró si están vacías; ${p.minHosts}–${p.maxHosts} casas, ` +
      `como mucho ${p.budgetPerHour}/h.`,
    (p) =>
      `cluster-autoscaler configurado: nodos ${p.minHosts}–${p.maxHosts}, plantilla ${p.cores} cores / ${p.memMiB} a ` +
      `${p.costPerHour}/h en las zonas ${p.zones}, presupuesto ${p.budgetPerHour}/h.`,
  ],
  'manager.pdb': [
    (p) =>
      p.minAvailable === null
        ? `${p.app} ya no exige habitaciones abiertas durante las obras.`
        : `${p.app} exige que ${p.minAvailable} habitaciones sigan abiertas durante las obras previstas.`,
    'kubectl',
  ],
  'manager.cordon': [
    (p) =>
      p.cordoned
        ? `La casa ${p.host} no acepta habitaciones nuevas (un cono en la puerta).`
        : `La casa ${p.host} vuelve a aceptar habitaciones nuevas.`,
    'kubectl',
  ],
  'manager.refused.invalidReplicas': [
    (p) => `Las réplicas deben ser un número entero de 0 a ${p.MAX_REPLICAS}.`,
    (p) => `réplicas no válidas: ${p.replicas}`,
  ],
  'manager.refused.deploymentAlreadyAt': [(p) => `${p.app} ya usa ${p.image}.`, (p) => `el deployment ${p.app} ya está en ${p.image}`],
  'manager.refused.newImageTargetsA': [
    () => `El kit nuevo necesita otras cañerías que el viejo.`,
    () => `la imagen nueva es para otro sistema operativo`,
  ],
  'manager.refused.deploymentNoPreviousRevision': [
    (p) => `${p.app} no tiene ninguna versión anterior a la que volver.`,
    (p) => `deployment ${p.app}: no hay revisión anterior`,
  ],
  'manager.refused.hpaNeedsMinreplicasMaxreplicas': [
    () => `Pon un mínimo de al menos 1 habitación y un máximo no menor que el mínimo.`,
    () => `el HPA necesita 1 ≤ minReplicas ≤ maxReplicas`,
  ],
  'manager.refused.targetcpuutilizationpercentageMustBeIn': [
    () => `La ocupación objetivo debe estar entre el 1 % y el 100 %.`,
    () => `targetCPUUtilizationPercentage debe estar en (0, 100]`,
  ],
  'manager.refused.noHpaFor': [() => `Esa app no tiene autoescalador.`, (p) => `no hay HPA para ${p.appId}`],
  'manager.refused.minavailableMustBeAn': [() => `El mínimo debe ser un número entero.`, () => `minAvailable debe ser un entero ≥ 0`],
  'manager.refused.clusterAutoscalerIsNot': [
    () => `No hay ningún agente inmobiliario que despedir.`,
    () => `cluster-autoscaler no está configurado`,
  ],
  'manager.refused.minhostsMustBeAn': [() => `El mínimo de casas debe ser un número entero.`, () => `minHosts debe ser un entero ≥ 0`],
  'manager.refused.maxhostsMustBeAn': [
    () => `El máximo de casas debe ser al menos 1 y no menor que el mínimo.`,
    () => `maxHosts debe ser un entero ≥ max(1, minHosts)`,
  ],
  'manager.refused.budgetperhourMustBe': [() => `El presupuesto no puede ser negativo.`, () => `budgetPerHour debe ser ≥ 0`],
  'manager.refused.templateCoresMustBe': [() => `Una casa necesita al menos un core.`, () => `template.cores debe ser un entero ≥ 1`],
  'manager.refused.templateMemmibMustExceed': [
    (p) => `Una casa necesita más de ${p.value} de memoria (su propio sistema ocupa eso).`,
    (p) => `template.memMiB debe superar la reserva del sistema (${p.HOST_SYSTEM_RESERVED_MIBValue} MiB)`,
  ],
  'manager.refused.templateCostperhourMustBe': [
    () => `Una casa no puede costar menos que nada.`,
    () => `template.costPerHour debe ser ≥ 0`,
  ],
  'manager.refused.templateZonesMustList': [
    () => `Nombra al menos un distrito donde construir.`,
    () => `template.zones debe incluir al menos una zona`,
  ],

  'nodes.zoneDisruption': [
    (p) =>
      `El administrador del edificio ve ` +
      `${p.state === 'Normal' ? `la zona ${p.zone} sana otra vez` : `problemas en toda la zona ${p.zone}`}` +
      `: ${fragmentEs(p.why)}.`,
    (p) => `El controlador detectó que la zona ${p.zone} está ahora en estado ${p.state}: ${fragmentEs(p.why)}.`,
  ],
  'nodes.evicted': [
    (p) => `El administrador del edificio da por perdidas ${p.evicted} habitaciones de edificios caídos y las montará en otro sitio.`,
    (p) =>
      `Desalojados ${p.evicted} pods de nodos inalcanzables (taint-based eviction tras ${p.toleration} s); los ReplicaSets los ` +
      `volverán a crear.`,
  ],
  'nodes.notReady': [
    (p) =>
      `El administrador del edificio notó que ${place(p.what)} ${p.node} dejó de contestar (${p.grace} s sin llamar). ` +
      `Deja de enviar visitantes a sus ${p.pods} habitaciones y las moverá dentro de ${p.toleration} s más.`,
    (p) =>
      `El estado del nodo ${p.node} es ahora NodeStatusUnknown (el kubelet dejó de enviar su estado durante ${p.grace} s, ` +
      `node-monitor-grace-period); añadido el taint ${p.taint}:NoSchedule; ${p.pods} pods marcados NotReady y quitados de los ` +
      `endpoints del Service. Los pods toleran ${p.taint}:NoExecute durante ${p.toleration} s.`,
  ],

  'placement.taintEviction': [
    (p) => `Una habitación de ${p.apps} no tiene pase para el cartel nuevo ${of(p.noun)} ${p.ref} y sale${p.managed}.`,
    (p) => `El taint manager desaloja el pod ${p.room} del nodo ${p.ref}: taint no tolerado ${p.taintText}.`,
  ],
  'placement.labeled': [(p) => `La placa ${of(p.noun)} ${p.ref} dice ahora ${p.labelText}.`, 'kubectl'],
  'placement.tolerations': [
    (p) => `Las habitaciones de ${p.app} llevan ${p.tolerations}.`,
    (p) => `deployment/${p.app} tolerations: ${p.text}.`,
  ],
  'placement.nodeAffinity': [
    (p) => `Las habitaciones de ${p.app} deben vivir ${fragmentEs(p.required)}${p.wish}.`,
    (p) => `deployment/${p.app} nodeAffinity: required [${p.required2}], preferred [${p.wishTech}].`,
  ],
  'placement.priorityClassCreated': [
    (p) => `Un rango nuevo, ${p.name} (${p.value}): los rangos altos van primero y pueden sacar a los bajos.`,
    'kubectl',
  ],
  'placement.priorityClassSet': [
    (p) => `Las habitaciones de ${p.app} tienen ahora el rango ${p.name} (${p.value}).`,
    (p) => `deployment/${p.app} priorityClassName ${p.name2} (prioridad ${p.value}).`,
  ],
  'placement.taints': [
    (p) =>
      p.count
        ? `${p.house ? 'La casa' : 'El apartamento'} ${p.node} pone un cartel: solo habitaciones con pase (${p.text}).`
        : `${p.house ? 'La casa' : 'El apartamento'} ${p.node} quita sus carteles.`,
    'kubectl',
  ],
  'placement.antiAffinity': [
    (p) =>
      p.set
        ? `Las habitaciones de ${p.app} ${p.required ? 'no deben' : 'prefieren no'} compartir ${p.topologyKey} entre sí.`
        : `Las habitaciones de ${p.app} pueden volver a compartir.`,
    (p) => {
      const kind = p.required ? 'requiredDuringSchedulingIgnoredDuringExecution' : 'preferredDuringSchedulingIgnoredDuringExecution'
      return p.set ? `deployment/${p.app} podAntiAffinity ${kind} en ${p.topologyKey}.` : `deployment/${p.app} podAntiAffinity eliminada.`
    },
  ],
  'placement.spread': [
    (p) => {
      const hard = p.whenUnsatisfiable === 'DoNotSchedule' ? ' (una habitación espera antes que romperlo)' : ' (un deseo, no una regla)'
      return p.set
        ? `Las habitaciones de ${p.app} se reparten por cada ${p.topologyKey}, como mucho ${p.maxSkew} más en uno que en otro${hard}.`
        : `Las habitaciones de ${p.app} ya no tienen que repartirse.`
    },
    (p) =>
      p.set
        ? `deployment/${p.app} topologySpreadConstraints: maxSkew ${p.maxSkew}, topologyKey ${p.topologyKey}, whenUnsatisfiable ` +
          `${p.whenUnsatisfiable}.`
        : `deployment/${p.app} topologySpreadConstraints eliminadas.`,
  ],
  'placement.refused.nodeSelectorRequirementNeeds': [
    () => `Cada deseo necesita una clave de la placa.`,
    () => `el requisito del node selector necesita una clave`,
  ],
  'placement.refused.valuesMustBeNon': [
    (p) => `"${p.key}" ${p.operator} necesita al menos un valor.`,
    (p) => `values no puede estar vacío con el operador ${p.rOperator}`,
  ],
  'placement.refused.valuesMustBeEmpty': [
    (p) => `"${p.key}" ${p.operator} no lleva valores.`,
    (p) => `values debe estar vacío con el operador ${p.rOperator}`,
  ],
  'placement.refused.labelIsSetBy': [
    (p) => `El administrador del edificio escribe él mismo "${p.reserved}" en cada placa.`,
    (p) => `la etiqueta ${p.reserved} la pone el kubelet y no se puede cambiar`,
  ],
  'placement.refused.taintKeyMustNot': [
    () => `Un cartel en la puerta necesita una clave.`,
    () => `la clave del taint no puede estar vacía`,
  ],
  'placement.refused.taintEffectMustBe': [
    () => `Un cartel dice prohibido pasar, mejor no, o fuera.`,
    (p) => `el efecto del taint debe ser uno de ${p.EFFECTS}`,
  ],
  'placement.refused.duplicateTaintKeyAnd': [
    () => `Dos carteles con la misma clave y el mismo efecto.`,
    () => `clave y efecto de taint duplicados`,
  ],
  'placement.refused.tolerationValueMustBe': [
    () => `Un pase para cualquier valor de un cartel no puede nombrar un valor.`,
    () => `el valor de la toleration debe estar vacío con el operador Exists`,
  ],
  'placement.refused.tolerationWithAnEmpty': [
    () => `Un pase para todos los carteles debe decir "cualquiera".`,
    () => `una toleration con clave vacía debe usar el operador Exists`,
  ],
  'placement.refused.tolerationEffectMustBe': [
    () => `Un pase es para prohibido pasar, mejor no, o fuera.`,
    (p) => `el efecto de la toleration debe ser uno de ${p.EFFECTS}`,
  ],
  'placement.refused.preferredTermWeightMust': [
    () => `Un deseo pesa entre 1 y 100.`,
    () => `el peso del término preferido debe estar en [1, 100]`,
  ],
  'placement.refused.preferredTermNeedsAt': [
    () => `Un deseo tiene que decir qué desea.`,
    () => `el término preferido necesita al menos un requisito`,
  ],
  'placement.refused.topologykeyMustNotBe': [() => `¿Separar por qué: casa o distrito?`, () => `topologyKey no puede estar vacío`],
  'placement.refused.maxskewMustBeAn': [
    () => `La diferencia permitida debe ser un número entero de habitaciones, al menos 1.`,
    () => `maxSkew debe ser un entero ≥ 1`,
  ],
  'placement.refused.topologykeyMustNotBe2': [() => `¿Repartir sobre qué: casas o distritos?`, () => `topologyKey no puede estar vacío`],
  'placement.refused.whenunsatisfiableMustBeDonotschedule': [
    () => `Di si hay que esperar o colocar de todos modos.`,
    () => `whenUnsatisfiable debe ser DoNotSchedule o ScheduleAnyway`,
  ],
  'placement.refused.invalidPriorityclassName': [
    () => `Un rango necesita un nombre en minúsculas.`,
    (p) => `nombre de PriorityClass no válido: ${p.name}`,
  ],
  'placement.refused.priorityclassesSchedulingKS': [(p) => `El rango ${p.name} ya existe.`, 'kubectl'],
  'placement.refused.valueMustBeAn': [
    () => `Un rango es un número entero de hasta mil millones.`,
    (p) => `value debe ser un entero ≤ ${p.MAX_USER_PRIORITY} (los valores mayores están reservados a las clases del sistema)`,
  ],
  'placement.refused.noPriorityclassWithName': [
    (p) => `No hay ningún rango llamado ${p.name}.`,
    (p) => `no se encontró ninguna PriorityClass llamada ${p.name}`,
  ],

  'pods.probesSet': [(p) => `Las habitaciones de ${p.app} reciben ${fragmentEs(p.said)}.`, (p) => `deployment.apps/${p.app}: ${p.parts}.`],
  'pods.namespaceCreated': [
    (p) => `Se delimita una nueva ala de la calle, ${p.name}: los nombres de sus negocios no se mezclan con los de los demás.`,
    'kubectl',
  ],
  'pods.namespaceMoved': [
    (p) => `${p.app} se muda del ala ${p.from} al ala ${p.namespace}${p.managed}.`,
    (p) => `deployment.apps/${p.app} movido del namespace ${p.from} a ${p.namespace}${p.appManaged}.`,
  ],
  'pods.labeled': [(p) => `Las habitaciones de ${p.app} llevan la etiqueta ${p.text}.`, 'kubectl'],
  'pods.sidecars': [
    (p) => {
      const names = Array.isArray(p.names) ? p.names : []
      const refit = p.managed ? ' El administrador reforma las habitaciones unas pocas cada vez.' : ''
      return names.length === 0
        ? `Las habitaciones nuevas de ${p.app} vienen sin habitaciones anexas.`
        : `Las habitaciones nuevas de ${p.app} vienen en suite: ${names.join(', ')} junto a la principal, tras una sola puerta.${refit}`
    },
    (p) => {
      const what = Array.isArray(p.names) && p.names.length > 0 ? `incluyen ahora ${p.list}` : 'se reducen al contenedor de la app'
      return (
        `deployment.apps/${p.app}: los contenedores ${what} (revisión ${p.revision}); ` +
        'las peticiones del pod suman las de sus contenedores.'
      )
    },
  ],
  'pods.refused.initialdelaysecondsMustBeAn': [
    () => `La primera revisión debe esperar un número entero de segundos (0 o más).`,
    (p) => `${p.kind}.initialDelaySeconds: debe ser un entero ≥ 0`,
  ],
  'pods.refused.periodsecondsMustBeAn': [
    () => `Las revisiones deben estar al menos a un segundo de distancia.`,
    (p) => `${p.kind}.periodSeconds: debe ser un entero ≥ 1`,
  ],
  'pods.refused.failurethresholdMustBeAn': [
    () => `Al menos una revisión fallida debe contar.`,
    (p) => `${p.kind}.failureThreshold: debe ser un entero ≥ 1`,
  ],
  'pods.refused.successthresholdMustBeAn': [
    () => `Al menos una revisión buena debe contar.`,
    (p) => `${p.kind}.successThreshold: debe ser un entero ≥ 1`,
  ],
  'pods.refused.livenessprobeSuccessthresholdInvalidValue': [
    () => `Una revisión de "¿sigues vivo?" se aprueba con una buena respuesta.`,
    'kubectl',
  ],
  'pods.refused.setprobesNeedsReadinessOr': [() => `Di qué revisión cambiar.`, () => `setProbes necesita readiness o liveness`],
  'pods.refused.atMostSidecars': [
    (p) => `Una suite admite aquí como mucho ${p.MAX_SIDECARS} habitaciones anexas.`,
    (p) => `como mucho ${p.MAX_SIDECARS} sidecars`,
  ],
  'pods.refused.specContainersNameDuplicate': [(p) => `Dos habitaciones de la suite se llamarían ${p.s}.`, 'kubectl'],
  'pods.refused.imageNotFound': [() => `Ese kit de muebles no existe.`, (p) => `imagen ${p.imageId} no encontrada`],
  'pods.refused.sidecarImageTargetsThe': [
    (p) => `El kit de la habitación anexa necesita otras cañerías que el de ${p.app}: una suite comparte las cañerías de una casa.`,
    (p) => `sidecar ${p.s}: la imagen ${p.image} es para ${p.os}, los otros contenedores del pod para ${p.os2} (un pod, un SO de nodo)`,
  ],
  'pods.refused.sidecarCpuRequestMust': [
    () => `Una habitación anexa reserva un número entero de mili-trabajadores.`,
    (p) => `sidecar ${p.s}: la petición de cpu debe ser un entero ≥ 0`,
  ],
  'pods.refused.sidecarMemoryRequestMust': [
    () => `Una habitación anexa reserva algo de espacio.`,
    (p) => `sidecar ${p.s}: la petición de memoria debe ser > 0`,
  ],
  'pods.refused.errorFromServerAlreadyexists': [(p) => `Ya hay un ala llamada ${p.name}.`, 'kubectl'],
  'pods.refused.errorFromServerNotfound': [(p) => `No hay ningún ala llamada ${p.namespace}.`, 'kubectl'],
  'pods.refused.deploymentIsAlreadyIn': [
    (p) => `${p.app} ya está en ${p.namespace}.`,
    (p) => `el deployment ${p.app} ya está en el namespace ${p.namespace}`,
  ],
  'pods.refused.metadataLabelsInvalidValue': [(p) => `"${p.k}" no sirve como nombre de etiqueta.`, 'kubectl'],
  'pods.refused.selectorImmutable': [
    (p) => `La etiqueta ${p.key}=${p.value} se queda: así encuentran las habitaciones el portero y el administrador.`,
    'kubectl',
  ],

  'preemption.preempted': [
    (p) =>
      `El administrador del edificio desaloja una habitación de menor prioridad de ${p.vApp} en ${place(p.where)} para hacer sitio a una ` +
      `de ${p.app}: cierra en ${p.grace} s (su periodo de gracia) mientras la nueva espera el sitio.` +
      (p.budget
        ? ` Esto rompe el presupuesto de interrupciones de ${p.vApp} (al menos ${p.budget} abiertas): la expropiación respeta los ` +
          `presupuestos solo cuando puede.`
        : ''),
    (p) =>
      `Pod ${p.vm} (prioridad ${p.priority}) expropiado (preempted) en el nodo ${p.node} para el pod ${p.room} (prioridad ` +
      `${p.roomPriority}); está Terminating (periodo de gracia ${p.grace} s) y ${p.room} queda nominado a ${p.node}.` +
      (p.budget ? ` Esto viola su PodDisruptionBudget (minAvailable ${p.budget}): la preemption respeta los PDB solo si puede.` : ''),
  ],

  'probes.moreTransitions': [
    (p) => `…y ${p.more} habitaciones más suspendieron sus revisiones.`,
    (p) => `${p.more} transiciones de sonda más (Unhealthy).`,
  ],
  'probes.livenessFailed': [
    (p) =>
      `El conserje encontró una habitación de ${p.app} sin respuesta ${p.failures} veces seguidas (${fragmentEs(p.why)}) y la reinicia.`,
    (p) =>
      `Liveness probe failed: ${p.room} no respondió (${p.failures}× seguidas). El contenedor ${p.room} falló la sonda de ` +
      `liveness y se reiniciará.`,
  ],
  'probes.ready': [
    (p) => `Una habitación de ${p.app} aprobó su revisión: el portero vuelve a enviarle visitantes.`,
    (p) =>
      `Pod ${p.room} Ready: la readiness probe acertó ${p.readinessSuccesses}× (successThreshold ${p.successThreshold}); añadido ` +
      `a los endpoints del Service.`,
  ],
  'probes.readinessFailed': [
    (p) =>
      `Una habitación de ${p.app} suspendió ${p.readinessFailures} revisiones seguidas (${fragmentEs(p.why)}): ` +
      `el portero deja de enviarle visitantes. La habitación sigue abierta.`,
    (p) =>
      `Readiness probe failed: ${p.room} (${p.readinessFailures}× seguidas, failureThreshold ${p.failureThreshold}); quitado de ` +
      `los endpoints del Service, el contenedor sigue corriendo.`,
  ],

  'replicaset.podCreated': [
    (p) =>
      `El administrador del edificio encarga ${p.diff} habitación${Number(p.diff) > 1 ? 'es' : ''} nueva${s(p.diff)} para ` +
      `${p.app} (lista ${p.replicas}, tiene ${p.current}).`,
    (p) => `ReplicaSet ${p.app}: creado${s(p.diff)} ${p.diff} pod${s(p.diff)} (deseados ${p.replicas}, actuales ${p.current}).`,
  ],
  'replicaset.podDeleted': [
    (p) => `El administrador del edificio cierra ${p.diff} habitación${Number(p.diff) > 1 ? 'es' : ''} de ${p.app} (lista ${p.replicas}).`,
    (p) => `ReplicaSet ${p.app}: eliminado${s(p.diff)} ${p.diff} pod${s(p.diff)} (deseados ${p.replicas}).`,
  ],
  'replicaset.rollingUpdate': [
    (p) =>
      `Reforma de ${p.app}: ${p.create} habitación${p.create === 1 ? '' : 'es'} nueva${s(p.create)} con ${p.image}, ${p.removed} ` +
      `vieja${s(p.removed)} cerrada${s(p.removed)} (quedan ${p.old} viejas).`,
    (p) =>
      `Rolling update ${p.app}: el ReplicaSet nuevo sube ${p.create}, el viejo baja ${p.removed} (maxSurge ${p.maxSurge}, ` +
      `maxUnavailable ${p.maxUnavailable}).`,
  ],
  'replicaset.rolledOut': [(p) => `Todas las habitaciones de ${p.app} tienen ya ${p.image}.`, 'kubectl'],

  'scheduler.scheduledMore': [
    (p) => `…y el administrador del edificio colocó ${p.more} habitaciones más.`,
    (p) => `${p.more} pods más programados.`,
  ],
  'scheduler.scheduled': [
    (p) => `El administrador del edificio pone una habitación de ${p.app} en ${place(p.kind)} ${p.node}.`,
    (p) => `Programado ${p.room} en ${p.node}.`,
  ],
  'scheduler.failedScheduling': [
    (p) => `El administrador del edificio no encuentra sitio para una habitación de ${p.app}${fragmentEs(p.why)}.`,
    'kubectl',
  ],

  'step.scheduledSkipped': [
    (p) => `Un suceso previsto no ocurrió: ${fragmentEs(p.resultMetaphor)}`,
    (p) => `${p.type} previsto omitido: ${fragmentEs(p.resultTechnical)}`,
  ],

  'vmOps.resized': [
    (p) =>
      `El apartamento ${p.vm} se rehace más grande o más pequeño (${p.before} → ${p.vcpus} trabajadores, ${p.memMiB})` +
      `${fragmentEs(p.wasUp)}.`,
    (p) => `VM ${p.vm} redimensionada ${p.before} → ${p.vcpus} vCPU, ${p.memMiB}${fragmentEs(p.wasUp2)}.`,
  ],
  'vmOps.migrationStarted': [
    (p) =>
      `El apartamento ${p.vm} empieza a mudarse a la casa ${p.to} con la gente dentro (${p.mode}): se copia su contenido ` +
      `(${p.precopyMs} s) y luego una pausa de ${p.downtimeMs} ms para el cambio.`,
    (p) =>
      `Migración en vivo de la VM ${p.vm} a ${p.to} (${p.mode}): ${p.memMiB} a ${p.linkMiBPerS} MiB/s, tasa de páginas sucias ` +
      `${p.dirty} MiB/s, ${p.rounds} pasadas (${p.precopyMs} s); parada prevista ${p.downtimeMs} ms (límite ${p.maxDowntimeMs} ms).`,
  ],
  'vmOps.migrationNotConverging': [
    (p) =>
      `El apartamento ${p.vm} cambia más deprisa (${p.dirty} MiB/s) de lo que la furgoneta puede llevar (${p.linkMiBPerS} MiB/s): ` +
      `la mudanza nunca acaba. Cancélala y múdalo otra vez con "frenar a los inquilinos" (auto-converge) o "mudarse primero, ` +
      `traer el resto después" (post-copy).`,
    (p) =>
      `La VM ${p.vm} ensucia ${p.dirty} MiB/s, al menos los ${p.linkMiBPerS} MiB/s del enlace: el pre-copy no converge y QEMU ` +
      `no limita las pasadas, así que sigue hasta que se cancele. Usa auto-converge (throttling de vCPU) o post-copy.`,
  ],
  'vmOps.migrationCancelled': [
    (p) => `Se suspende la mudanza del apartamento ${p.vm} a la casa ${p.to}; se queda donde está.`,
    (p) => `migrate_cancel: la VM ${p.vm} se queda en su host; se descarta la copia en ${p.to}.`,
  ],
  'vmOps.postcopyDone': [
    (p) => `Han llegado las últimas cosas del apartamento ${p.vm} (${p.postcopyMs} ms después del cambio); vuelve a ir a toda velocidad.`,
    (p) => `Post-copy de la VM ${p.vm} completado: las páginas restantes llegaron ${p.postcopyMs} ms después del cambio.`,
  ],
  'vmOps.refused.notMigrating': [
    (p) => `El apartamento ${p.vm} no se está mudando (o ya está en el cambio).`,
    (p) => `la VM ${p.vm} no tiene una migración en pre-copy que cancelar`,
  ],
  'vmOps.migrationAborted': [
    (p) => `El apartamento ${p.vm} se queda: la casa ${p.to} ya no puede recibirlo.`,
    (p) => `Migración en vivo de la VM ${p.vm} abortada: ${p.fit}; la VM sigue en su origen.`,
  ],
  'vmOps.migrationAbortedAtSwitch': [
    (p) => `El apartamento ${p.vm} se queda: la casa ${p.to} se llenó en el último momento.`,
    (p) => `Migración en vivo de la VM ${p.vm} abortada en el cambio: ${fragmentEs(p.last)}.`,
  ],
  'vmOps.migrated': [
    (p) => `El apartamento ${p.vm} está ahora en la casa ${p.to}; sus habitaciones pararon ${p.downtimeMs} ms y siguieron.`,
    (p) => `VM ${p.vm} migrada ${p.from} → ${p.to}: parada stop-and-copy de ${p.downtimeMs} ms.`,
  ],
  'vmOps.refused.vcpusMustBeAn': [
    () => `Un apartamento necesita un número entero de trabajadores, al menos 1.`,
    () => `las vCPU deben ser un entero ≥ 1`,
  ],
  'vmOps.refused.memoryMustBe': [() => `Un apartamento necesita algo de memoria.`, () => `la memoria debe ser > 0`],
  'vmOps.refused.vmIsMigrating': [
    (p) => `El apartamento ${p.vm} se está mudando de casa; redimensiónalo después.`,
    (p) => `la VM ${p.vm} está migrando`,
  ],
  'vmOps.refused.hostNotFound': [() => `Su casa ya no existe.`, () => `host no encontrado`],
  'vmOps.refused.vmIs': [
    (p) => `Solo un apartamento habitado se muda en vivo; ${p.vm} no está en marcha.`,
    (p) => `la VM ${p.vm} está ${p.state}`,
  ],
  'vmOps.refused.vmAlreadyMigrating': [(p) => `El apartamento ${p.vm} ya se está mudando.`, (p) => `la VM ${p.vm} ya está migrando`],
  'vmOps.refused.vmAlreadyOn': [(p) => `El apartamento ${p.vm} ya está en la casa ${p.to}.`, (p) => `la VM ${p.vm} ya está en ${p.to}`],

  'vms.provisioning': [
    (p) => `Se levanta el apartamento ${p.name} en la casa ${p.host}; su propio ${p.label} ocupará ${p.memMiB} de sus ${p.memMiB2}.`,
    (p) => `VM ${p.name} (${p.label}, ${p.vcpus} vCPU, ${p.memMiB2}) aprovisionándose en ${p.host}; huella del SO invitado ${p.memMiB}.`,
  ],
  'vms.deleted': [(p) => `Apartamento ${p.vm} derribado.`, (p) => `VM ${p.vm} eliminada.`],
  'vms.stopped': [
    (p) => `Apartamento ${p.vm} cerrado con llave; sus habitaciones cierran.`,
    (p) => `VM ${p.vm} detenida; sus contenedores paran con su kernel.`,
  ],
  'vms.booting': [
    (p) => `El apartamento ${p.vm} vuelve a habitarse: ${p.label} arranca de nuevo.`,
    (p) => `VM ${p.vm} arrancando ${p.label}.`,
  ],
  'vms.refused.unknownGuestOs': [() => `Sistema operativo desconocido.`, (p) => `SO invitado desconocido ${p.os}`],
  'vms.refused.vcpusMustBeAn': [
    () => `Un apartamento necesita un número entero de trabajadores, al menos 1.`,
    () => `las vCPU deben ser un entero ≥ 1`,
  ],
  'vms.refused.idAlreadyInUse': [(p) => `Ya existe algo llamado ${p.id}.`, (p) => `el id ${p.id} ya está en uso`],
  'vms.refused.vmAlreadyStopped': [(p) => `El apartamento ${p.vm} ya está cerrado con llave.`, (p) => `la VM ${p.vm} ya está detenida`],
  'vms.refused.vmIs': [(p) => `El apartamento ${p.vm} ya está habitado.`, (p) => `la VM ${p.vm} está ${p.state}`],
  'vms.refused.hostOfVmIs': [() => `Su casa no está en pie.`, (p) => `el host de la VM ${p.vm} está caído`],
}
