/**
 * Tells screen readers what the street shows that the event log does not: an image pull's delivery
 * (how many crates the van brings, how many the storeroom already had). A polite live region,
 * visually hidden; the caption line tells the logged events.
 */
import { useEffect, useRef, useState } from 'react'
import { useGame, useUi, useWorld } from '../state'
import { layoutWorld } from '../scene/layout'
import { deliveries } from '../scene/happenings'
import { hostList } from '../sim/containerIndex'

/** Past this many houses the street is too busy to announce each delivery (and too big to lay out here). */
const UP_TO_HOUSES = 12

export function SceneAnnouncer() {
  const world = useWorld()
  const vocab = useUi((s) => s.vocab)
  const version = useGame((s) => s.version)
  const said = useRef(new Set<string>())
  const [text, setText] = useState('')
  const pulling = hostList(world).length <= UP_TO_HOUSES && Object.values(world.containers).some((c) => c.state === 'pulling')
  useEffect(() => {
    void version
    if (!pulling) {
      said.current.clear()
      return
    }
    const layout = layoutWorld(world)
    for (const d of deliveries(world, layout)) {
      const key = `${layout.houses.ids[d.house]}:${d.vm}:${d.imageId}`
      if (said.current.has(key)) continue
      said.current.add(key)
      const house = layout.houses.hosts[d.house]!.name
      const kit = world.images[d.imageId]?.ref ?? d.imageId
      setText(
        vocab === 'metaphor'
          ? `A van brings ${d.carried} ${d.carried === 1 ? 'crate' : 'crates'} of kit ${kit} to house ${house}` +
              (d.cached ? `; ${d.cached} ${d.cached === 1 ? 'is' : 'are'} already in its storeroom.` : '.')
          : `Pulling ${kit} on ${house}: ${d.carried} of ${d.carried + d.cached} layers` + (d.cached ? ` (${d.cached} cached).` : '.'),
      )
    }
    // A finished delivery may come again later (the kit removed from the storeroom, a new room).
    for (const key of [...said.current])
      if (!deliveries(world, layout).some((d) => key.endsWith(`:${d.vm}:${d.imageId}`))) said.current.delete(key)
  }, [world, pulling, vocab])
  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="scene-announcer">
      {text}
    </p>
  )
}
