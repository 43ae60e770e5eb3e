import { Canvas } from '@react-three/fiber'

export default function GameCanvas() {
  return (
    <Canvas style={{ position: 'fixed', inset: 0 }}>
      <ambientLight />
      <mesh>
        <boxGeometry />
        <meshStandardMaterial color="orange" />
      </mesh>
    </Canvas>
  )
}
