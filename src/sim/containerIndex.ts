/**
 * A derived, in-memory list of the world's containers, kept beside the world (never inside it,
 * so the world stays plain data). V8 takes ~75 ms to walk a 150,000-key object with
 * Object.values; the systems walk this array instead. Its order is the record's insertion order,
 * exactly what Object.values would give, so a saved-and-loaded world steps identically.
 * Containers are only ever added with newContainer and removed with deleteContainer, which keep it in step.
 * Removals are noted and swept out in one pass on the next use (rebuilding from the record would
 * cost that ~75 ms again on every step that evicts a pod at 150,000).
 */
import type { Container, World } from './types'

const lists = new WeakMap<World['containers'], Container[]>()
const removed = new WeakMap<World['containers'], Set<Container>>()

export function containerList(world: World): Container[] {
  let list = lists.get(world.containers)
  if (!list) {
    list = Object.values(world.containers)
    lists.set(world.containers, list)
  } else {
    const gone = removed.get(world.containers)
    if (gone && gone.size > 0) {
      // A new array: a caller may still be walking the old one while it deletes.
      list = list.filter((c) => !gone.has(c))
      lists.set(world.containers, list)
      gone.clear()
    }
  }
  return list
}

export function noteContainerAdded(world: World, c: Container): void {
  lists.get(world.containers)?.push(c)
}

export function noteContainerRemoved(world: World, c: Container): void {
  if (!lists.has(world.containers)) return
  let gone = removed.get(world.containers)
  if (!gone) removed.set(world.containers, (gone = new Set()))
  gone.add(c)
}
