/** What the pods themselves says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const podsMessages = {
  'pods.probesSet': entry<'app' | 'said' | 'parts'>(
    (p) => `${p.app}'s rooms get ${p.said}.`,
    (p) => `deployment.apps/${p.app}: ${p.parts}.`,
  ),
  'pods.namespaceCreated': entry<'name'>(
    (p) => `A new wing of the street, ${p.name}, is marked out: its businesses' names stay apart from the others'.`,
    (p) => `namespace/${p.name} created`,
  ),
  'pods.namespaceMoved': entry<'app' | 'from' | 'namespace' | 'managed' | 'appManaged'>(
    (p) => `${p.app} moves from wing ${p.from} to wing ${p.namespace}${p.managed}.`,
    (p) => `deployment.apps/${p.app} moved from namespace ${p.from} to ${p.namespace}${p.appManaged}.`,
  ),
  'pods.labeled': entry<'app' | 'text'>(
    (p) => `${p.app}'s rooms are tagged ${p.text}.`,
    (p) => `deployment.apps/${p.app} labeled ${p.text}.`,
  ),
  'pods.sidecars': entry<'app' | 'names' | 'list' | 'managed' | 'revision'>(
    (p) => {
      const names = Array.isArray(p.names) ? p.names : []
      const refit = p.managed ? ' The manager refits the rooms a few at a time.' : ''
      return names.length === 0
        ? `${p.app}'s new rooms come without side rooms.`
        : `${p.app}'s new rooms come as suites: ${names.join(', ')} beside the main room, behind one front door.${refit}`
    },
    (p) => {
      const what = Array.isArray(p.names) && p.names.length > 0 ? `now include ${p.list}` : 'reduced to the app container'
      return `deployment.apps/${p.app}: containers ${what} (revision ${p.revision}); pod requests are the sum of its containers'.`
    },
  ),
} satisfies Catalogue
