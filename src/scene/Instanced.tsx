/**
 * One InstancedMesh whose capacity grows in powers of two (re-created only when it must grow),
 * written only when `data` changes (a world version), never per frame. `write` fills the matrix
 * and colour arrays and returns how many instances it wrote; `ids[i]` names instance i's entity,
 * which is how a click on an instance finds what it hit.
 */
import { useLayoutEffect, useRef } from 'react'
import type { ThreeEvent } from '@react-three/fiber'
import * as THREE from 'three'

export interface InstanceWriter {
  /** How many instances this write needs (to size the mesh before writing). */
  count: number
  /** Fill matrices (16 floats each) and colours (3 each); return nothing. */
  write: (matrices: Float32Array, colours: Float32Array, ids: string[]) => void
}

export interface InstancedProps {
  geometry: THREE.BufferGeometry
  material: THREE.Material
  data: InstanceWriter
  castShadow?: boolean
  receiveShadow?: boolean
  /** Called with the entity id under the pointer; absent for meshes that cannot be picked. */
  onPick?: (id: string, e: ThreeEvent<MouseEvent>) => void
  onHover?: (id: string | null) => void
  onFocus?: (id: string) => void
  name?: string
}

const nextPow2 = (n: number) => {
  let c = 16
  while (c < n) c *= 2
  return c
}

export function Instanced({ geometry, material, data, castShadow, receiveShadow, onPick, onHover, onFocus, name }: InstancedProps) {
  const capRef = useRef(16)
  if (data.count > capRef.current) capRef.current = nextPow2(data.count)
  const capacity = capRef.current
  const mesh = useRef<THREE.InstancedMesh>(null)
  const ids = useRef<string[]>([])

  useLayoutEffect(() => {
    const m = mesh.current
    if (!m) return
    if (!m.instanceColor) m.instanceColor = new THREE.InstancedBufferAttribute(new Float32Array(capacity * 3).fill(1), 3)
    ids.current.length = 0
    data.write(m.instanceMatrix.array as Float32Array, m.instanceColor.array as Float32Array, ids.current)
    m.count = data.count
    m.instanceMatrix.clearUpdateRanges()
    m.instanceMatrix.addUpdateRange(0, data.count * 16)
    m.instanceMatrix.needsUpdate = true
    m.instanceColor.clearUpdateRanges()
    m.instanceColor.addUpdateRange(0, data.count * 3)
    m.instanceColor.needsUpdate = true
    m.boundingSphere = null
    m.boundingBox = null
    if (data.count > 0) m.computeBoundingSphere()
  }, [data, capacity])

  const pickable = !!(onPick || onHover || onFocus)
  return (
    <instancedMesh
      key={capacity}
      ref={mesh}
      name={name}
      args={[geometry, material, capacity]}
      castShadow={castShadow}
      receiveShadow={receiveShadow}
      raycast={pickable ? undefined : () => null}
      onClick={
        onPick
          ? (e) => {
              const id = e.instanceId !== undefined ? ids.current[e.instanceId] : undefined
              if (id === undefined) return
              e.stopPropagation()
              onPick(id, e)
            }
          : undefined
      }
      onDoubleClick={
        onFocus
          ? (e) => {
              const id = e.instanceId !== undefined ? ids.current[e.instanceId] : undefined
              if (id === undefined) return
              e.stopPropagation()
              onFocus(id)
            }
          : undefined
      }
      onPointerMove={
        onHover
          ? (e) => {
              const id = e.instanceId !== undefined ? ids.current[e.instanceId] : undefined
              if (id === undefined) return
              e.stopPropagation()
              onHover(id)
            }
          : undefined
      }
      onPointerOut={onHover ? () => onHover(null) : undefined}
    />
  )
}

/** Write one box (bottom-centred unit geometry) into a matrix array, optionally tilted about z. */
export function writeBox(m: Float32Array, i: number, x: number, y: number, z: number, w: number, h: number, d: number, tilt = 0): void {
  const o = i * 16
  const c = Math.cos(tilt)
  const s = Math.sin(tilt)
  m[o] = c * w
  m[o + 1] = s * w
  m[o + 2] = 0
  m[o + 3] = 0
  m[o + 4] = -s * h
  m[o + 5] = c * h
  m[o + 6] = 0
  m[o + 7] = 0
  m[o + 8] = 0
  m[o + 9] = 0
  m[o + 10] = d
  m[o + 11] = 0
  m[o + 12] = x
  m[o + 13] = y
  m[o + 14] = z
  m[o + 15] = 1
}

const linear = new Map<string, [number, number, number]>()
/** Write a colour (sRGB hex string) into a colour array, in the renderer's linear space. */
export function writeColour(cs: Float32Array, i: number, hex: string): void {
  let c = linear.get(hex)
  if (!c) {
    const t = new THREE.Color(hex)
    c = [t.r, t.g, t.b]
    linear.set(hex, c)
  }
  cs[i * 3] = c[0]
  cs[i * 3 + 1] = c[1]
  cs[i * 3 + 2] = c[2]
}
