/**
 * Geometries and materials, created once for the whole page and shared by every instanced mesh.
 * Unit-sized with their bottom at y = 0, so an instance's scale is its box and its y its floor.
 */
import * as THREE from 'three'
import { RoundedBoxGeometry } from 'three/examples/jsm/geometries/RoundedBoxGeometry.js'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import { MARK, WINDOW_LIT } from './palette'

function roundedUnit(radius: number, segments: number): THREE.BufferGeometry {
  const g = new RoundedBoxGeometry(1, 1, 1, segments, radius)
  g.translate(0, 0.5, 0)
  return g
}

function plainUnit(): THREE.BufferGeometry {
  const g = new THREE.BoxGeometry(1, 1, 1)
  g.translate(0, 0.5, 0)
  return g
}

/** A house's back wall with a gable: a pentagon, 1 wide, 1 tall at the peak, 1 deep. */
function gableUnit(): THREE.BufferGeometry {
  const s = new THREE.Shape()
  s.moveTo(-0.5, 0)
  s.lineTo(0.5, 0)
  s.lineTo(0.5, 0.7)
  s.lineTo(0, 1)
  s.lineTo(-0.5, 0.7)
  s.closePath()
  const g = new THREE.ExtrudeGeometry(s, { depth: 1, bevelEnabled: false })
  g.translate(0, 0, -0.5)
  return g
}

/** A cross standing up, facing +z: the "broken" mark over crashed rooms and apartments. */
function crossUnit(): THREE.BufferGeometry {
  const a = new THREE.BoxGeometry(0.22, 1, 0.18)
  a.rotateZ(Math.PI / 4)
  const b = new THREE.BoxGeometry(0.22, 1, 0.18)
  b.rotateZ(-Math.PI / 4)
  const g = mergeGeometries([a, b])!
  g.translate(0, 0.5, 0)
  return g
}

/** Diagonal stripes: the scaffold on rooms being furnished and apartments booting. */
function stripes(): THREE.DataTexture {
  const n = 16
  const data = new Uint8Array(n * n * 4)
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      const on = (x + y) % 8 < 4
      const v = on ? 255 : 120
      const o = (y * n + x) * 4
      data[o] = v
      data[o + 1] = v
      data[o + 2] = v
      data[o + 3] = 255
    }
  const t = new THREE.DataTexture(data, n, n)
  t.wrapS = t.wrapT = THREE.RepeatWrapping
  t.repeat.set(2, 2)
  t.magFilter = THREE.NearestFilter
  t.needsUpdate = true
  return t
}

let cache: ReturnType<typeof build> | null = null

function build() {
  const stripeMap = stripes()
  return {
    geo: {
      /** Rooms: one bevel segment keeps 150,000 of them light on triangles. */
      room: roundedUnit(0.1, 1),
      rounded: roundedUnit(0.08, 2),
      slab: roundedUnit(0.04, 2),
      box: plainUnit(),
      /** The houses' front walls: their own box, which carries a per-instance opacity (Cutaway.tsx). */
      wall: plainUnit(),
      gable: gableUnit(),
      cross: crossUnit(),
      visitor: (() => {
        const g = new THREE.CapsuleGeometry(0.22, 0.45, 3, 8)
        g.translate(0, 0.45, 0)
        return g
      })(),
      dropped: (() => {
        const g = new THREE.ConeGeometry(0.3, 0.8, 6)
        g.translate(0, 0.4, 0)
        return g
      })(),
      crown: (() => {
        const g = new THREE.IcosahedronGeometry(1, 0)
        g.translate(0, 0, 0)
        return g
      })(),
      plane: new THREE.PlaneGeometry(1, 1).rotateX(-Math.PI / 2),
      /** The selection outline: a unit box's twelve edges, centred. */
      outline: new THREE.EdgesGeometry(new THREE.BoxGeometry(1, 1, 1)),
      /** A window pane facing +z (street side): two triangles, however many rooms are lit. */
      pane: new THREE.PlaneGeometry(1, 1).translate(0, 0.5, 0),
    },
    mat: {
      solid: new THREE.MeshStandardMaterial({ color: '#ffffff', roughness: 0.75, metalness: 0 }),
      flat: new THREE.MeshStandardMaterial({ color: '#ffffff', roughness: 0.9, metalness: 0, flatShading: true }),
      scaffold: new THREE.MeshStandardMaterial({ color: '#ffffff', roughness: 0.8, map: stripeMap }),
      ghost: new THREE.MeshStandardMaterial({ color: '#ffffff', roughness: 0.6, transparent: true, opacity: 0.38, depthWrite: false }),
      /** The wall that stopped a burglar: see-through red. */
      barrier: new THREE.MeshStandardMaterial({
        color: '#ffffff',
        roughness: 0.5,
        transparent: true,
        opacity: 0.42,
        depthWrite: false,
        emissive: MARK,
        emissiveIntensity: 0.25,
      }),
      window: new THREE.MeshBasicMaterial({ color: WINDOW_LIT }),
      mark: new THREE.MeshStandardMaterial({ color: MARK, roughness: 0.5, emissive: MARK, emissiveIntensity: 0.35 }),
      ground: new THREE.MeshStandardMaterial({ color: '#ffffff', roughness: 1 }),
    },
  }
}

export function assets() {
  if (!cache) cache = build()
  return cache
}
