import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { apply, createWorld, labPreset } from '../../src/sim'
import type { Command, World } from '../../src/sim'
import * as THREE from 'three'
import { layoutWorld } from '../../src/scene/layout'
import { buildingCorners, frameDistance, framePose, streetDistance } from '../../src/scene/framing'
import type { View } from '../../src/scene/framing'
import { freeAreaOffset } from '../../src/scene/view'

/** Lesson 4's street at its fourth step: house "vms" with a tower of four apartments, house "rooms" beside it. */
function lesson4(): World {
  const lesson = JSON.parse(readFileSync(join(__dirname, '../../levels/lessons/04-vm-vs-container.json'), 'utf8')) as {
    seed: number
    setup: Command[]
    steps: { commands?: Command[] }[]
  }
  const world = createWorld(lesson.seed)
  for (const c of [...lesson.setup, ...(lesson.steps[0]!.commands ?? [])]) expect(apply(world, c).ok).toBe(true)
  return world
}

/**
 * Every building corner, seen by a camera set up as the scene's (the window's aspect, freeAreaOffset's view offset) at
 * the framed pose, lands between the panels as they are (the insets themselves, not the framing's own idea of them).
 */
const fitsFramed = (world: World, view: View, office: boolean): boolean => {
  const layout = layoutWorld(world, { office })
  const { target, pos } = framePose(layout.bounds, frameDistance(layout, view))
  const cam = new THREE.PerspectiveCamera(view.fov, view.width / view.height, 0.5, 10_000)
  const off = freeAreaOffset(view.width, view.height, view.insets)
  cam.setViewOffset(view.width, view.height, off.x, off.y, view.width, view.height)
  cam.position.copy(pos)
  cam.lookAt(target)
  cam.updateMatrixWorld()
  cam.updateProjectionMatrix()
  const { left, right, top, bottom } = view.insets
  return buildingCorners(layout).every((p) => {
    const v = p.clone().project(cam)
    const x = ((v.x + 1) / 2) * view.width
    const y = ((1 - v.y) / 2) * view.height
    return v.z < 1 && x >= left && x <= view.width - right && y >= top && y <= view.height - bottom
  })
}

describe('the camera frames every building whole in the part of the window the panels leave open', () => {
  test('lesson 4 at 1280×720: the tower and both houses show between the two-row lesson bar and the question card', () => {
    const world = lesson4()
    // Measured in the browser: the lesson bar wraps to 105 px, the question card and caption start at 248 px.
    const view: View = { width: 1280, height: 720, insets: { left: 0, right: 0, top: 105, bottom: 720 - 248 }, fov: 40 }
    const layout = layoutWorld(world, { office: false })
    const corners = buildingCorners(layout)
    // The tower stands above its house: its corners are among those that must show.
    expect(Math.max(...corners.map((p) => p.y))).toBeGreaterThan(layout.houses.h[0]!)
    expect(fitsFramed(world, view, false)).toBe(true)
  })

  test('the lab at 1920×1080 in the projector theme: both houses beside the docked table, with no office yard in the frame', () => {
    const world = createWorld(1)
    for (const c of labPreset(5)) expect(apply(world, c).ok).toBe(true)
    // The table docks on the right (1070 px of 1920), under a 50 px top bar.
    const view: View = { width: 1920, height: 1080, insets: { left: 0, right: 850, top: 50, bottom: 0 }, fov: 40 }
    expect(fitsFramed(world, view, false)).toBe(true)
  })

  test('any window and panels within what the framing allows for: the framed buildings all show (property)', () => {
    const world = lesson4()
    // The framing leaves at least a tenth of the width and a fifth of the height open (view.ts, freeAreaRect).
    const share = (max: number) => fc.integer({ min: 0, max: Math.round(max * 100) }).map((p) => p / 100)
    fc.assert(
      fc.property(
        fc.integer({ min: 800, max: 2560 }),
        fc.integer({ min: 600, max: 1440 }),
        fc.record({ left: share(0.3), right: share(0.45), top: share(0.2), bottom: share(0.6) }),
        fc.boolean(),
        (width, height, f, office) => {
          const insets = { left: f.left * width, right: f.right * width, top: f.top * height, bottom: f.bottom * height }
          return fitsFramed(world, { width, height, insets, fov: 40 }, office)
        },
      ),
      { numRuns: 60 },
    )
  })

  test('where the street already fits, the framing is the one its ground gives (the camera does not move closer or back)', () => {
    const world = lesson4()
    const view: View = { width: 1920, height: 1080, insets: { left: 0, right: 0, top: 60, bottom: 0 }, fov: 40 }
    const layout = layoutWorld(world, { office: true })
    expect(frameDistance(layout, view)).toBe(streetDistance(layout.bounds, view))
  })
})
