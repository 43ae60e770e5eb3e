/** Inspector sections for Kubernetes placement: a pod's "why here" (filter and score per node), a node's labels and taints. */
export function WhyHere(_props: { containerId: string }) {
  return null
}

export function NodeDetails(_props: { kind: 'host' | 'vm'; id: string }) {
  return null
}
