/** Inspector section for a room: what its kernel is doing to it (throttled, OOMKilled, breached) and why. */
export function ContainerDiagnosis(_props: { containerId: string }) {
  return null
}
