/**
 * The street's event tags in Spanish (the English table is src/scene/tagWords.ts). Kubernetes's own words stay as it
 * says them (CrashLoopBackOff, post-copy, stop-and-copy).
 */
import type { TagWords } from '../../scene/tagWords'

const habs = (n: number) => (n === 1 ? 'habitación' : 'habitaciones')

export const TAGS_ES: TagWords = {
  cordoned: ['⊘ sin habitaciones nuevas (acordonada)', '⊘ acordonado'],
  movingOut: (left) => [
    `⇢ mudándose: quedan ${left} ${habs(left)}`,
    `⇢ vaciando: quedan ${left} ${left === 1 ? 'pod' : 'pods'} por desalojar`,
  ],
  emptied: ['⇢ vaciada', '⇢ vaciado'],
  breachRoom: ['⚠ ladrón retenido en la habitación (las cerraduras aguantaron)', '⚠ brecha contenida en el contenedor'],
  breachApartment: (n) => [
    `⚠ ladrón detenido por la pared del apartamento · ${n} ${habs(n)}`,
    `⚠ brecha detenida en el límite de la VM · ${n} pods`,
  ],
  breachHouse: (n) => [`⚠ el ladrón salió del apartamento a la casa · ${n} habitaciones`, `⚠ escape del hipervisor · ${n} pods`],
  breachShared: (n) => [`⚠ ladrón por las cañerías compartidas: sin pared · ${n} ${habs(n)}`, `⚠ kernel compartido tomado · ${n} pods`],
  kernelPanic: ['⚠ kernel panic: fallaron las cañerías compartidas', '⚠ kernel panic del host'],
  burnt: ['✖ quemada', '✖ nodo caído'],
  noPower: ['⏻ sin luz', '⏻ apagado'],
  dark: (n) => [n === 1 ? 'habitación a oscuras' : 'habitaciones a oscuras', n === 1 ? 'pod perdido' : 'pods perdidos'],
  darkWithHouse: ['a oscuras con la casa', 'caída con su host'],
  lightsOn: ['se encienden las luces', 'arrancando'],
  stopCopy: (ms, to) => [`⏸ en pausa ${ms} ms, mudándose a la casa ${to}`, `⏸ stop-and-copy ${ms} ms → ${to}`],
  postCopy: (to) => [`➜ ya en la casa ${to}, llegan las últimas cajas`, `➜ post-copy en ${to}: trayendo páginas`],
  notConverging: (to) => [`➜ mudándose a la casa ${to}: no acaba nunca`, `➜ pre-copy → ${to}: no converge`],
  moving: (to, ms, mode) => [
    `➜ mudándose a la casa ${to} sin parar, luego una pausa de ${ms} ms`,
    `➜ migración en vivo (${mode}) → ${to}, luego ${ms} ms de stop-and-copy`,
  ],
  migrating: (vm, to) => [`➜ ${vm} se muda a la casa ${to}`, `➜ migrando ${vm} → ${to}`],
  guestPanic: (os) => [`⚠ kernel panic de ${os}`, `⚠ kernel panic del invitado ${os}`],
  crashed: ['✖ derrumbada', '✖ Error'],
  reopens: (s) => [`✖ reabre en ${s} s`, `CrashLoopBackOff: reinicio en ${s} s`],
  kit: (get, have, total) => [
    `⚒ el kit va de camino: ${get} caja${get === 1 ? '' : 's'}${have ? `, ${have} ya en el trastero` : ''}`,
    `⚒ descargando ${get} de ${total} capas${have ? ` (${have} en caché)` : ''}`,
  ],
  building: ['⚒ en obras', '⚒ creando'],
  newVersion: ['★ nueva', '★ nueva'],
  oldVersion: ['vieja', 'vieja'],
  clipboardEmpty: ['nada que cuidar todavía', 'sin Deployments'],
  clipboardRow: (ready, want) => [`${ready} de ${want} abiertas`, `${ready}/${want} listos`],
  clipboardTurnedAway: ['visitantes rechazados', 'peticiones fallando'],
  clipboardMore: (n) => [`+${n} más`, `+${n} más`],
}
