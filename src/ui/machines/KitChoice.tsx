/**
 * Which furniture kit (image) the chosen app's new rooms use, where the level lets the player change
 * it but teaches no rollouts (level 3, "Works on my machine": pack the shop into a kit, then give it
 * rooms). No manager words here: the rooms already open keep their kit; the next room takes the new
 * one. Where the level has rollouts (or a manager looks after the app), the building manager's box
 * has this choice as "Roll out" (ManagerActions).
 */
import type { App } from '../../sim'
import { useWorld } from '../../state'
import { allowed, send } from '../manager/send'
import { useWords } from '../useVocab'

/** Whether the level teaches rollouts: changing an app's image is then the building manager's rolling update. */
export function usesRollouts(app: App | undefined): boolean {
  return allowed('rolloutUndo') || allowed('rolloutPause') || allowed('setManaged') || !!app?.managed
}

export function KitChoice({ appId }: { appId: string | null }) {
  const world = useWorld()
  const w = useWords()
  const app = appId ? world.apps[appId] : undefined
  if (!app || !allowed('setImage') || usesRollouts(app)) return null
  const current = world.images[app.imageId]
  const others = Object.values(world.images).filter((i) => i.id !== app.imageId && i.os === current?.os)
  return (
    <fieldset className="kit-choice" data-testid="kit-choice">
      <legend>
        {w(`Furniture kit of ${app.name}`, `Image of ${app.name}`)}: {current?.ref ?? app.imageId}
      </legend>
      {others.length === 0 && (
        <p className="muted">{w('Build another kit in the kit workshop (W).', 'Build an image in the workshop (W).')}</p>
      )}
      {others.map((i) => (
        <button
          key={i.id}
          type="button"
          data-testid={`action-setImage-${i.id}`}
          onClick={() => send({ type: 'setImage', appId: app.id, imageId: i.id })}
        >
          {w(`New rooms use ${i.ref}`, `Use image ${i.ref}`)}
        </button>
      ))}
    </fieldset>
  )
}
