/**
 * The inspector's words in Spanish (the English table is src/ui/inspectorText.ts): row names and the sentences
 * built from the selection's figures. Technical terms stay as a Kubernetes engineer says them (Pod, Deployment,
 * kubelet, QoS, tolerationSeconds); what kubelet or the scheduler write themselves stays in their English.
 */
import { KIND_LABELS_ES } from '../../sim'
import { fragmentEs } from '../../sim/messages/es'
import type { InspectorText } from '../inspectorText'

export const INSPECTOR_ES: InspectorText = {
  kind: (kind) => KIND_LABELS_ES[kind].join(' · '),
  state: 'Estado',
  cordoned: ' · acordonada (sin habitaciones nuevas)',
  draining: ' · vaciándose',
  secondsLeft: (s) => `, quedan ${s} s`,
  nodeCondition: 'Condición del nodo',
  hostCpu: 'CPU (trabajadores)',
  hostCpuValue: (used, cap) => `${used} de ${cap} núcleos reservados`,
  hostMem: 'Memoria (espacio)',
  hostMemValue: (usedOf, kept) => `${usedOf} reservados (${kept} para la propia casa)`,
  vcpus: 'vCPUs repartidas',
  vcpusValue: (used, cap, ratio) => `${used} de ${cap} (sobreasignación ${ratio}:1)`,
  hostRooms: 'Habitaciones directamente en ella',
  zone: 'Lado de la calle (zona)',
  cost: 'Coste',
  perHour: '/h',
  kernel: 'Kernel',
  hostKernel: 'Linux (compartido por las habitaciones que están directamente en la casa)',
  guestOs: 'SO invitado (su propio kernel)',
  guestOsValue: (os, mem, cpu) => `${os}: ocupa ${mem} y ${cpu} núcleo él mismo`,
  bootTime: 'Tiempo de arranque',
  vmSize: 'vCPUs / RAM',
  vmCpu: 'CPU para habitaciones',
  vmMem: 'Memoria para habitaciones',
  reserved: (usedOf) => `${usedOf} reservados`,
  frame: 'Sobrecarga de la estructura en la casa',
  frameValue: (mem) => `${mem} (estimación del virt-launcher de KubeVirt, un dispositivo gráfico; no la de QEMU a secas)`,
  inHouse: 'En la casa',
  roomsInside: 'Habitaciones dentro',
  why: 'Por qué',
  app: 'Negocio (app)',
  image: 'Kit de muebles (imagen)',
  imageValue: (ref, size, os) => `${ref} · ${size} · necesita ${os}`,
  where: 'Dónde',
  notPlaced: 'aún sin sitio (Pending)',
  place: (onHost, name) =>
    onHost ? { metaphor: `casa ${name}`, technical: `host ${name}` } : { metaphor: `apartamento ${name}`, technical: `VM ${name}` },
  sharesKernel: 'Comparte el kernel de',
  kernelOwner: (os, house) => `${os} (${house ? 'la propia casa' : 'su apartamento'})`,
  requests: 'Requests (lo que cuenta el scheduler)',
  requestsValue: (cpu, mem) => `${cpu} núcleo · ${mem}`,
  runtimeOverhead: (runtime, cpu, mem) => ` + sobrecarga de ${runtime} ${cpu} núcleo · ${mem}`,
  shim: (mib) => ` (los ~${mib} MiB del shim del runtime son memoria en uso, no un request)`,
  qos: 'Clase QoS',
  qosWhy: (qos) =>
    qos === 'Guaranteed'
      ? {
          metaphor: 'reservó justo lo que puede usar, trabajadores y espacio: la última en salir cuando la casa se llena',
          technical: 'requests = limits de CPU y memoria en cada contenedor; oom_score_adj −997, desalojada la última',
        }
      : qos === 'BestEffort'
        ? {
            metaphor: 'no reservó nada y no tiene topes: la primera en salir cuando a la casa le falta espacio',
            technical: 'sin requests ni limits en ningún contenedor; oom_score_adj 1000, desalojada la primera con presión de memoria',
          }
        : {
            metaphor: 'reservó algunos trabajadores o espacio, pero sus topes no son lo reservado: sale antes que las reservadas del todo',
            technical: 'requests puestos pero distintos de los limits de CPU y memoria; oom_score_adj según su request de memoria',
          },
  restarts: 'Reinicios',
  endpoint: 'Recibe visitantes (endpoint del Service)',
  endpointLost: 'sí, aunque su edificio está caído: el administrador aún no se ha dado cuenta, así que sus visitantes fallan',
  endpointReady: 'sí (Ready)',
  endpointNot: 'no (no Ready)',
  managed: 'La cuida el administrador',
  managedYes: 'sí (un Pod de un Deployment)',
  managedNo: 'no (un docker run a secas)',
  manager: 'Administrador',
  hired: (replicas) => `contratado: ${replicas} habitaciones en su lista`,
  notHired: 'no contratado',
  openRooms: 'Habitaciones abiertas (Ready)',
  visitors: 'Visitantes',
  visitorsValue: (rps, each) => `${rps}/s, cada habitación atiende ${each}/s`,
  served: 'Atendidos hasta ahora',
  waiting: 'Tiempo de espera',
  charts: {
    wait: 'Los gráficos empiezan cuando corre el reloj.',
    label: (app) => `Gráficos de ${app}`,
    rooms: 'Habitaciones',
    wanted: 'queridas',
    open: 'abiertas',
    cpu: 'Uso de CPU (sobre los requests)',
    visitors: 'Visitantes por segundo',
    served: 'atendidos',
    turnedAway: 'rechazados',
    waiting: 'Tiempo de espera',
    latency: 'latencia',
    cost: 'Coste de la calle',
    costLine: 'coste',
  },
  reason: fragmentEs,
  condition: (f) => {
    switch (f.kind) {
      case 'ready':
        return { metaphor: 'contesta al administrador (Ready)', technical: 'Ready' }
      case 'silent':
        return {
          metaphor:
            `Ready, según sabe el administrador: sin llamada desde hace ${f.silentS} s; se da cuenta a los ${f.graceS} s. ` +
            'Hasta entonces se siguen enviando visitantes a sus habitaciones, y fallan.',
          technical:
            `Ready (sin heartbeat desde hace ${f.silentS} s; node-monitor-grace-period ${f.graceS} s). ` +
            'Sus Pods siguen siendo endpoints Ready del Service: las peticiones que se les envían fallan.',
        }
      case 'notReady':
        return { metaphor: 'aún no acepta habitaciones', technical: 'NotReady (KubeletNotReady)' }
      case 'unknown': {
        const evict =
          f.evictInS !== null
            ? `Pods desalojados en ${f.evictInS} s (tolerationSeconds ${f.tolerationS} s)`
            : f.held === 'zone'
              ? 'el taint NoExecute espera: las reglas de interrupción de zona paran o frenan los desalojos (ver el registro)'
              : 'el taint NoExecute espera al límite de desalojos (0,1 nodos/s por zona)'
        return {
          metaphor: `No contesta: el administrador dejó de enviar visitantes a sus habitaciones y puso carteles de "inalcanzable"; ${
            f.evictInS !== null ? `mueve las habitaciones en ${f.evictInS} s` : 'su traslado espera'
          }.`,
          technical:
            `Unknown (kubectl: NotReady), NodeStatusUnknown: el kubelet dejó de informar del estado del nodo. Taints ${f.taints}; ` +
            `${evict}.`,
        }
      }
    }
  },
}
