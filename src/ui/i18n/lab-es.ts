/**
 * The lab table's words in Spanish (the English table is src/ui/lab/labText.ts): the cells' sentences from the
 * measured figures, the status line, buttons and charts. The concept text's words are those of the Spanish lesson
 * on the comparison table (levels/lessons/es/04-vm-vs-container.json).
 */
import type { LabText } from '../lab/labText'

const fmt = (n: number) => n.toLocaleString('es-ES')
const SHORT: Readonly<Record<string, string>> = { apartamentos: 'apart.', habitaciones: 'habit.', contenedores: 'cont.' }
const short = (s: string) => SHORT[s] ?? s

export const LAB_ES: LabText = {
  fmt,
  secs: (ms) => `${(ms / 1000).toFixed(1).replace('.', ',')} s`,
  close: 'Cerrar el laboratorio (Esc)',
  howMany: 'Cuántos de cada',
  intro: (n) => [
    `La misma app pequeña, ${n} veces: una vez en ${n} apartamentos (cada uno con su propio SO) en una casa, otra como ${n} ` +
      `habitaciones en una casa idéntica. Cada cifra de abajo se mide en la calle en marcha.`,
    `La misma app pequeña, ${n} veces: una vez como ${n} VMs (un contenedor cada una, cada una con su propio SO invitado) en un ` +
      `host, otra como ${n} contenedores en un host idéntico. Cada cifra de abajo se mide en la simulación en marcha.`,
  ],
  run: (n, again) => (again ? `Ejecutar otra vez con ${n}` : `Ejecutar con ${n}`),
  runningInLevel: 'El laboratorio está en marcha en este nivel.',
  runningOf: (running, of) => `${running} de ${of} en marcha`,
  allAfter: (time) => ` — todas tras ${time}`,
  paused: ' · en pausa (pulsa Espacio)',
  choose: 'Elige N y pulsa Ejecutar.',
  feature: 'Característica',
  vmsHead: ['Apartamentos · máquinas virtuales', 'Máquinas virtuales · apartamentos'],
  roomsHead: ['Habitaciones · contenedores', 'Contenedores · habitaciones'],
  chart: 'Gráfico',
  source: 'Fuente',
  concept: (c) => `texto del concepto: «${c}»`,
  waiting: 'esperando',
  row: { OS: 'SO', Speed: 'Velocidad', 'Resource usage': 'Consumo de recursos', Isolation: 'Aislamiento', Scalability: 'Escalabilidad' },
  concepts: {
    osVm: 'Un SO propio por VM',
    osRoom: 'SO compartido',
    speedVm: 'Arranque lento',
    speedRoom: 'Arranque rápido',
    resVm: 'Alto',
    resRoom: 'Bajo',
    isoVm: 'Fuerte',
    isoRoom: 'Medio',
    scaleVm: 'Limitada',
    scaleRoom: 'Alta',
  },
  osVm: (k) => [`${k} apartamentos, cada uno con su propio SO y sus cañerías`, `${k} kernels invitados (Linux), uno por VM`],
  osRoom: (k, rooms) => [
    `${k} juego de cañerías, el de la casa, compartido por ${rooms} habitaciones`,
    `${k} kernel, el del host, compartido por ${rooms} contenedores`,
  ],
  speedSub: 'arranque, hasta que todas funcionan',
  allRunning: (n, time) => `las ${n} en marcha tras ${time}`,
  runningSoFar: (running, of) => `${running} de ${of} en marcha…`,
  memCores: (mib, cores) => `${mib} MiB · ${cores.replace('.', ',')} núcleos`,
  memSoFar: (mib) => `${mib} MiB por ahora…`,
  memoryHeld: 'Memoria ocupada',
  isolationSub: 'hasta dónde llegan una brecha y luego una caída',
  notTriedYet: (what) => `${what}: aún sin probar`,
  reached: (what, r, of) => `${what}: ${r} de ${of}`,
  breachOne: 'Vulnerar una',
  crash: (what) => `Hacer caer ${what}`,
  oneOf: (what) => `un ${what}`,
  odds: (k, runs, where) => [
    `Llegó a otra habitación en ${k} de ${runs} pruebas ${where}.`,
    `Llegó a otro contenedor en ${k} de ${runs} pruebas ${where}.`,
  ],
  measuring: (runs, done) => `Midiendo ${runs} pruebas con semilla… ${done} hechas`,
  roomsReached: 'Habitaciones alcanzadas',
  // The bars' names have 84 units of the chart beside them: the long Spanish nouns shortened.
  crashBar: (side) => `${short(side)} caída`,
  breachBar: (side) => `${short(side)} brecha`,
  notTried: 'sin probar',
  scaleSub: (house) => `cuántas caben en ${house === 'casa' ? 'una casa' : `un ${house}`}`,
  perHouse: (n, what, house) => `${n} ${what} por ${house}`,
  perHouseTitle: (house) => `Por ${house}`,
  noVmToCrash: 'No hay ningún apartamento con una habitación abierta que hacer caer.',
  noRoomToBreach: 'No hay ninguna habitación abierta en la que entrar.',
  kernelsLabel: (vmKernels, vmLabel, roomKernels, rooms, roomLabel) =>
    `${vmKernels} kernel${vmKernels === 1 ? '' : 's'} para ${vmLabel}, ${roomKernels} kernel compartido por ${rooms} ${roomLabel}`,
  vmKernels: (n, drawn) => `${n} kernels propios${drawn !== null ? ` (${drawn} dibujados)` : ''}`,
  sharedKernel: (n) => `${n} kernel, compartido`,
  raceLabel: (vmLabel, vms, roomLabel, rooms, n, secs) =>
    `En marcha con el tiempo: ${vmLabel} ${vms} de ${n}, ${roomLabel} ${rooms} de ${n}, en ${secs} s`,
  raceLegend: (roomLabel, vmLabel) => `● ${roomLabel} (continua) · ■ ${vmLabel} (discontinua)`,
  foot: (f) => [
    `Cada apartamento: ${f.vmMem}, ${f.vcpus} trabajador, su propio SO (${f.osMiB} MiB) más su parte de la estructura de la casa ` +
      `(${f.overheadMiB} MiB). Cada habitación: los ${f.appMiB} MiB de la app más ${f.shimMiB} MiB. Casas: ${f.cores} trabajadores, ` +
      `${f.houseMem}, ${f.reservedMiB} MiB para la propia casa.`,
    `Cada VM: ${f.vmMem}, ${f.vcpus} vCPU, SO invitado ${f.osMiB} MiB más la sobrecarga de KubeVirt (${f.overheadMiB} MiB). Cada ` +
      `contenedor: el request de ${f.appMiB} MiB de la app más un shim de ${f.shimMiB} MiB. Hosts: ${f.cores} núcleos, ${f.houseMem}, ` +
      `${f.reservedMiB} MiB system-reserved.`,
  ],
}
