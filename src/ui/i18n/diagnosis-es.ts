/**
 * The room diagnosis in Spanish (the English table is src/ui/machines/diagnosisText.ts; diagnosis.ts works out the
 * facts). Kubernetes's and the kernel's own terms stay as they are (OOMKilled, memory.max, cpu.shares, failureThreshold).
 */
import { LIVENESS_KILL, OOM_KILL, PROBE_DEFAULTS, PULL_MIB_PER_S } from '../../sim'
import type { DiagnosisText } from '../machines/diagnosisText'

const pct = (n: number) => `${Math.round(n * 100)} %`
const RUNTIMES_ES: Readonly<Record<string, readonly [string, string]>> = {
  runc: ['habitación normal (comparte las cañerías de la casa)', 'runc (kernel compartido)'],
  gvisor: ['habitación con un guardia en las tuberías', 'gVisor (kernel en espacio de usuario)'],
  kata: ['habitación dentro de su propio apartamento pequeño', 'Kata Containers (VM ligera por Pod)'],
  firecracker: ['habitación en un apartamento prefabricado diminuto', 'microVM Firecracker'],
}
const aPlace = (p: string) => p.replace(/^house /, 'la casa ').replace(/^apartment /, 'el apartamento ')

export const DIAGNOSIS_ES: DiagnosisText = {
  heading: ['Qué le hacen las cañerías a esta habitación', 'Qué le hace el kernel a este contenedor'],
  label: ['Qué le hacen las cañerías a esta habitación', 'Diagnóstico del kernel'],
  severity: { bad: 'Problema', warn: 'Vigilar', info: 'Nota' },
  otherTerms: ['En términos técnicos', 'En términos de casas'],
  source: (s) => `Fuente: ${s}`,
  place: (inVm, p) => ({
    metaphor: p.metaphor.replace(/^house /, 'casa ').replace(/^apartment /, 'apartamento '),
    technical: p.technical,
  }),
  kernelName: (inVm) => (inVm ? 'su apartamento' : 'la casa'),
  kernelTech: (inVm, where) => (inVm ? `el kernel invitado de ${where}` : `el kernel de ${where}`),
  security: {
    runAsNonRoot: 'corre sin ser root',
    readOnlyRootFilesystem: 'sistema de archivos raíz de solo lectura',
    dropAllCapabilities: 'capabilities retiradas',
  },
  package: (ref, pkg, machineHas, inVm) => ({
    metaphor:
      `Al kit ${ref} le falta ${pkg}, que la app necesita. Una habitación solo tiene lo que lleva su kit` +
      `${machineHas ? `: ${inVm ? 'ese apartamento' : 'esa casa'} tiene ${machineHas} instalado, y no sirve de nada` : ''}. ` +
      `Construye un kit que lo lleve (W).`,
    technical:
      `exec failed: la imagen ${ref} no contiene ${pkg}. Un contenedor solo ve el sistema de archivos de su imagen` +
      `${machineHas ? ` (el ${machineHas} del propio nodo le es invisible)` : ''}; reconstruye la imagen con él y despliégala.`,
  }),
  oom: (used, limit, leak, managed) => ({
    metaphor:
      `La echaron por ocupar demasiado espacio: usó ${used ?? 'más que'} su tope de espacio de ${limit}. El conserje la para ` +
      `en el acto (código de salida ${OOM_KILL.exitCode}); ` +
      `${
        managed
          ? `el administrador la reabre tras una espera${leak > 0 ? `, y como pierde ${leak} MiB por segundo volverá a pasar` : ''}`
          : 'nadie la reabre: ningún administrador la cuida'
      }.`,
    technical:
      `Último estado: Terminated, reason ${OOM_KILL.reason}, código de salida ${OOM_KILL.exitCode} (128 + SIGKILL 9). memory.max ` +
      `${limit}${used ? `, el uso llegó a ${used}` : ''}: el OOM killer del cgroup la mató. ` +
      (managed
        ? `restartPolicy Always: se reinicia tras el back-off.${leak > 0 ? ` Fuga de ${leak} MiB/s: se repetirá.` : ''}`
        : 'Sin gestionar: se queda caída.'),
  }),
  kernelOom: (kernelName, kernelTech, leaking) => ({
    metaphor:
      `La echaron porque ${kernelName || 'su edificio'} se quedó sin espacio: el conserje de las cañerías echó a la habitación más ` +
      'grande' +
      (leaking ? ' (esta, que acaparaba)' : ', y fue esta aunque no acaparaba: una vecina sin tope llenó el espacio compartido') +
      '. ' +
      `Código de salida ${OOM_KILL.exitCode}. Un tope de espacio en la acaparadora la habría parado solo a ella.`,
    technical:
      `Último estado: Terminated, ${OOM_KILL.reason}, código de salida ${OOM_KILL.exitCode}: no fue su propio límite, ` +
      `${kernelTech || 'su kernel'} se quedó sin memoria y el OOM killer del kernel eligió el proceso más grande` +
      `${leaking ? '' : ' (lo causó un vecino ruidoso sin límite de memoria)'}. Pon límites de memoria para que solo muera el que pierde.`,
  }),
  kernelOomSource: 'documentación del kernel: el OOM killer elige la tarea con el oom_score más alto (la que más memoria usa)',
  throttled: (usage, limit, speed) => ({
    metaphor:
      `Sujeta a su tope de trabajadores: usa ${usage}m de sus ${limit}m ` +
      `(${(limit / 1000).toFixed(2).replace('.', ',')} trabajadores) y quiere más. Cada décima de segundo trabaja a tope hasta ` +
      `gastar su parte y luego espera a la siguiente décima: va más lenta, nadie la echa. Velocidad ahora ${pct(speed)}.`,
    technical:
      `CPU limitada (throttled): uso ${usage}m = límite ${limit}m. Cuota CFS: la habitación recibe su límite y nada más ` +
      `(cpu.max ${limit * 100} por periodo de 100000 µs): en cada periodo de 100 ms corre a toda velocidad hasta gastar ` +
      `${(limit / 10).toFixed(0)} ms de CPU y luego espera al siguiente periodo (una ráfaga corta acaba a toda velocidad; una ` +
      `larga se atasca). Va más lenta, no se la mata. Atiende al ${pct(speed)} (el juego promedia cada periodo).`,
  }),
  limits: (f) => ({
    metaphor:
      `Espacio usado ${f.mem} MiB` +
      `${f.lim !== null ? ` de su tope de ${f.lim} MiB (${f.share})` : ' sin tope: puede coger lo que tenga el edificio'}; ` +
      `trabajadores ${f.cpu}m${f.cpuLim !== null ? ` de su tope de ${f.cpuLim}m` : ', sin tope'}.` +
      `${f.eta !== null ? ` Con esta fuga llega al tope en unos ${Math.ceil(f.eta)} s.` : ''}`,
    technical:
      `Memoria ${f.mem} MiB${f.lim !== null ? ` / límite ${f.lim} MiB (${f.share})` : ', sin límite (solo la acota su kernel)'}; ` +
      `CPU ${f.cpu}m${f.cpuLim !== null ? ` / límite ${f.cpuLim}m` : ', sin límite'}; ` +
      `requests ${f.cpuReq}m, ${f.memReq} MiB.` +
      `${f.eta !== null ? ` OOM kill en ~${Math.ceil(f.eta)} s con la fuga actual.` : ''}`,
  }),
  leak: (_label, rate, leaked) => ({
    metaphor: `Acaparando espacio: ${rate} MiB más cada segundo (${leaked} MiB desde que abrió).`,
    technical: `Caos: fuga de memoria a ${rate} MiB/s (${leaked} MiB perdidos desde el arranque).`,
  }),
  hog: (kernelName, kernelTech, limit) => ({
    metaphor:
      `Una máquina desbocada en esta habitación quiere todos los trabajadores de ${kernelName}` +
      (limit !== null
        ? `, pero su tope la sujeta a ${limit}m`
        : ': sin tope, desplaza a sus vecinas (se quedan solo con lo que reservaron)') +
      '.',
    technical:
      `Caos: CPU hog (bucle ocupado) en ${kernelTech}` +
      `${limit !== null ? `; sujeto a ${limit}m por su cuota CFS` : '; sin límite: los vecinos se quedan con su cpu.shares (requests)'}.`,
  }),
  hung: (live, ready, isReady) => {
    const m = live
      ? `La revisión "¿sigue viva?" del administrador no obtiene respuesta: tras ${live.failureThreshold} revisiones fallidas cada ` +
        `${live.periodSeconds} s echa la habitación y la reabre.`
      : ready
        ? `La revisión "¿lista para visitantes?" la saca de la rotación del portero, pero nadie la reinicia: sigue colgada hasta que ` +
          `añadas una revisión "¿sigue viva?".`
        : `Nadie se da cuenta: el portero sigue enviando visitantes y no obtienen respuesta. Solo una revisión "¿sigue viva?" ` +
          `(liveness probe) puede notarlo.`
    const t = live
      ? `La liveness probe falla (sin respuesta en timeoutSeconds ${PROBE_DEFAULTS.timeoutSeconds} s): tras failureThreshold ` +
        `${live.failureThreshold} × periodSeconds ${live.periodSeconds} s el kubelet la mata (un PID 1 colgado ignora SIGTERM, luego ` +
        `SIGKILL: salida ${LIVENESS_KILL.exitCode}) y la reinicia.`
      : ready
        ? `La readiness probe falla: el Pod sale de los endpoints del Service${isReady ? ' tras failureThreshold fallos' : ''}, ` +
          `pero sin liveness probe: nunca se reinicia.`
        : `Sin probes: el Pod sigue Ready y en los endpoints del Service; las peticiones que le llegan agotan el tiempo. Solo una ` +
          `liveness probe puede notarlo.`
    return {
      metaphor:
        `Colgada: las luces están encendidas pero nadie abre la puerta. El proceso está vivo pero no contesta nada, así que ningún ` +
        `tope ni kernel lo para. ${m}`,
      technical: `Hung: el proceso está vivo pero no contesta nada (sin caída, sin código de salida, CPU y memoria normales). ${t}`,
    }
  },
  swap: (host, ratio, memMiB, speed) => ({
    metaphor:
      `La casa ${host} prometió a sus apartamentos ${ratio}× el espacio que tiene y lo usan: guarda cosas en el sótano (swap), ` +
      `así que todo lo de dentro, también esta habitación, va al ${pct(speed)} de velocidad.`,
    technical:
      `El host ${host} hace swap (sobreasignación de memoria ${ratio}:1, los invitados tocan más de ${memMiB} MiB físicos): ` +
      `este contenedor va al ${pct(speed)}.`,
  }),
  shares: (kernelName, kernelTech, request, usage, speed) => ({
    metaphor:
      `Sus trabajadores están ocupados en otra parte: ${kernelName} tiene más trabajo que trabajadores, así que cada habitación ` +
      `recibe una parte según lo que reservó (${request}m). Atiende al ${pct(speed)}.`,
    technical:
      `Contención de CPU en ${kernelTech}: el kernel reparte la CPU por cpu.shares (de los requests, ${request}m aquí); ` +
      `concedidos ${usage}m, atiende al ${pct(speed)}. La causa habitual es un vecino ruidoso sin límite.`,
  }),
  compromised: 'comprometida',
  breached: (f) => {
    const how = f.how
      .replace(/^initial compromise \(chaos\)$/, 'intrusión inicial (caos)')
      .replace(/^attacker owns the shared kernel of (.+)$/, 'el atacante controla el kernel compartido de $1')
    const reached = f.others
      ? {
          m:
            `El ladrón llegó a ${f.others} habitación${f.others === 1 ? '' : 'es'} más que ` +
            `comparte${f.others === 1 ? '' : 'n'} las cañerías de ${f.kernelName}.`,
          t: `Kernel compartido tomado: ${f.others} contenedor(es) más en ${f.kernelTech} comprometidos.`,
        }
      : { m: 'No llegó a ninguna otra habitación de las mismas cañerías.', t: `Ningún otro contenedor en ${f.kernelTech} comprometido.` }
    const stop =
      f.stop === 'contained'
        ? {
            m: 'El ladrón no salió nunca de la habitación: las cerraduras aguantaron.',
            t: 'Sin escape del contenedor: no alcanzó el kernel compartido.',
          }
        : f.stop === 'escaped'
          ? {
              m: `También llegó a ${f.elsewhere} habitación(es) tras las paredes del apartamento: un raro escape del hipervisor.`,
              t: `${f.elsewhere} contenedor(es) tras el límite de la VM comprometidos: escape del hipervisor (raro, clase CVE-2015-3456).`,
            }
          : f.stop === 'vmWall'
            ? {
                m: 'Se detuvo en las paredes del apartamento: el apartamento tiene su propio kernel.',
                t:
                  'Contenido por el límite de la VM: el kernel invitado es suyo; cruzarlo exige un escape del hipervisor ' +
                  '(~1 entre 1.000 aquí).',
              }
            : {
                m: 'Los apartamentos de esta casa tienen su propio kernel, así que estaban a salvo.',
                t: 'Las VMs de este host tienen su propio kernel: inalcanzables sin un escape del hipervisor.',
              }
    const wall = f.wall ? `el sandbox de ${f.wall}` : null
    return {
      metaphor:
        `Ladrón dentro (${how}). ${reached.m} ${stop.m} Sus probabilidades de escapar eran del ` +
        `${pct(f.odds)}${f.privileged ? ' (una habitación privilegiada está como abierta)' : ''}` +
        `${wall ? `; ${wall} guardó la puerta` : ''}. ` +
        `Cerraduras puestas: ${f.on.length ? f.on.join(', ') : 'ninguna'}${f.off.length ? `; faltan: ${f.off.join(', ')}` : ''}.`,
      technical:
        `Comprometida (${how}). ${reached.t} ${stop.t} Probabilidad de escape ` +
        `${pct(f.odds)}${f.privileged ? ' (privilegiada: casi segura)' : ''}${wall ? ` (${wall}: una segunda pared)` : ''}. ` +
        `Ajustes que la bajaron: ${f.on.length ? f.on.join(', ') : 'ninguno'}${f.off.length ? `; sin poner: ${f.off.join(', ')}` : ''}.`,
    }
  },
  pull: (missing, total, where, sizeMiB, left, ref) => ({
    metaphor:
      `El kit va de camino: ${missing} de ${total} piezas aún no están en el trastero de ${aPlace(where)} ` +
      `(${sizeMiB} MiB), quedan unos ${left} s a ${PULL_MIB_PER_S.value} MiB/s. La próxima habitación de este kit aquí abre sin ` +
      `esperar.`,
    technical:
      `Descargando ${ref}: faltan ${missing} de ${total} capas en este nodo (${sizeMiB} MiB), quedan ~${left} s a ` +
      `${PULL_MIB_PER_S.value} MiB/s. Las capas en caché no se vuelven a descargar.`,
  }),
  runtime: (f) => {
    const [m, t] = RUNTIMES_ES[f.name] ?? [f.metaphorLabel, f.technicalLabel]
    return {
      metaphor: f.runc
        ? `Una habitación normal: comparte las cañerías y el cableado (kernel) de ${f.kernelName} con todas las de allí. Abre rápido, ` +
          `sin coste extra, pero un ladrón que se escape llega a todas.`
        : `${m[0]!.toUpperCase()}${m.slice(1)}: ` +
          `${f.ownKernel ? 'su propio kernel pequeño' : 'un guardia entre ella y las cañerías compartidas'}. ` +
          `Cuesta ${f.overheadMiB} MiB más${f.overheadCpuMilli ? ` y ${f.overheadCpuMilli}m de CPU` : ''}, ` +
          `abre en ${f.minMs}–${f.maxMs} ms ` +
          `y va al ${pct(f.speed)} de velocidad${f.estimate ? ' (estimaciones nuestras)' : ''}; un ladrón rara vez pasa.`,
      technical: f.runc
        ? `runc: namespaces + cgroups en ${f.kernelTech}, compartido con todos los contenedores de allí. Velocidad nativa, sin ` +
          `sobrecarga; un escape del contenedor se adueña de ese kernel.`
        : `${t}: ${f.ownKernel ? 'kernel invitado propio' : 'kernel en espacio de usuario que intercepta las syscalls'}; ` +
          `+${f.overheadMiB} MiB` +
          `${f.overheadCpuMilli ? ` +${f.overheadCpuMilli}m de CPU (overhead de la RuntimeClass, sumado a los requests del Pod)` : ''}, ` +
          `arranque ${f.minMs}–${f.maxMs} ms, ${pct(f.speed)} de velocidad${f.estimate ? ' (estimaciones, no medidas)' : ''}; ` +
          `escapar exige un fallo del sandbox.`,
    }
  },
}
