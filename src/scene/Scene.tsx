/** The street, drawn from the world: laid out again whenever the world's version changes. */
import { useMemo, useRef } from 'react'
import { useFrame } from '@react-three/fiber'
import * as THREE from 'three'
import { useWorldVersion } from '../state/useWorld'
import { hostList } from '../sim/containerIndex'
import { layoutWorld } from './layout'
import { Buildings } from './Buildings'
import { Street } from './Street'
import { CITY_MIN_HOUSES, CityView, cityLayout, cityPlanKey } from './CityView'
import { Visitors } from './Visitors'
import { Manager, managerHireable, managerWorking } from './Manager'
import { useGame } from '../state/game'
import { Labels } from './Labels'
import { EventMarks } from './EventMarks'
import { TagSpacer } from './TagSpacer'
import { FrontWalls } from './Cutaway'
import { Happenings } from './Happenings'
import { CameraRig } from './CameraRig'
import { RendererProbe } from './RendererProbe'
import { OverviewProbe } from './OverviewProbe'
import { SKY } from './palette'

/** Sunlight whose small shadow map follows what the camera looks at. */
function Sun() {
  const light = useRef<THREE.DirectionalLight>(null)
  const offset = useMemo(() => new THREE.Vector3(30, 50, 22), [])
  useFrame((state) => {
    const l = light.current
    const target = (state.controls as unknown as { target?: THREE.Vector3 } | null)?.target
    if (!l || !target) return
    l.position.copy(target).add(offset)
    l.target.position.copy(target)
    l.target.updateMatrixWorld()
  })
  return (
    <directionalLight
      ref={light}
      intensity={2.2}
      color="#fff3df"
      castShadow
      shadow-mapSize={[1024, 1024]}
      shadow-camera-left={-45}
      shadow-camera-right={45}
      shadow-camera-top={45}
      shadow-camera-bottom={-45}
      shadow-camera-near={1}
      shadow-camera-far={160}
      shadow-bias={-0.0005}
      shadow-normalBias={0.04}
    />
  )
}

export function Scene() {
  const { world, version } = useWorldVersion()
  // Big streets (M, L) are drawn as a city: one block per house, no rooms (CityView.tsx).
  const city = hostList(world).length >= CITY_MIN_HOUSES
  // Where the manager does not stand (the lab's street among them), the camera frames the houses alone, not the empty
  // office yard; the framing backs off until every building, tower tops included, shows whole (framing.ts).
  const office = useGame(managerHireable) || managerWorking(world)
  // The city's plan follows the houses alone (which there are, their zones and sizes): laid out again only when that
  // changes, not on every batch of a 150,000-room street (a new layout also re-writes every block and the map).
  const planKey = city ? cityPlanKey(world) : version
  const layout = useMemo(() => {
    void planKey
    return city ? cityLayout(world) : layoutWorld(world, { office })
  }, [planKey, world, city, office])
  return (
    <>
      <color attach="background" args={[SKY]} />
      <fog attach="fog" args={city ? [SKY, 1500, 9000] : [SKY, 250, 1400]} />
      <hemisphereLight args={['#fff6e8', '#7fa66a', 1.1]} />
      <Sun />
      <Street layout={layout} />
      {city ? (
        <CityView layout={layout} />
      ) : (
        <>
          <Buildings layout={layout} />
          <FrontWalls layout={layout} />
          <Happenings layout={layout} />
          <Visitors layout={layout} />
          <Manager layout={layout} />
          <Labels layout={layout} />
          <EventMarks layout={layout} />
          <TagSpacer />
        </>
      )}
      <CameraRig layout={layout} />
      <RendererProbe layout={layout} />
      <OverviewProbe layout={layout} />
    </>
  )
}
