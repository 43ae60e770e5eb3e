import { describe, expect, test } from 'vitest'
import { eventText } from '../../src/sim'
import { eventRow } from '../../src/io/kubectlView'
import { must, smallStreet, stepUntil } from './helpers'

describe('an image pull is told in the log', () => {
  test("the first room of an image on a house logs the pull (kubelet's Pulling event); a second room of it, once cached, pulls nothing", () => {
    const w = smallStreet()
    const host = Object.keys(w.hosts)[0]!
    const first = must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: host } })!
    stepUntil(w, (x) => x.containers[first]!.state === 'running')
    const pulls = w.events.filter((e) => e.id === 'kubelet.pulling')
    expect(pulls).toHaveLength(1)
    expect(pulls[0]!.subjects).toContain(first)
    expect(eventText(pulls[0]!, 'technical')).toBe('Pulling image "web:1.0"')
    expect(eventText(pulls[0]!, 'metaphor')).toMatch(/delivery van brings web's kit to house 1: \d+ crates?/)
    expect(eventRow(pulls[0]!)).toMatchObject({ type: 'Normal', reason: 'Pulling', from: 'kubelet' })

    const second = must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: host } })!
    stepUntil(w, (x) => x.containers[second]!.state === 'running')
    expect(w.events.filter((e) => e.id === 'kubelet.pulling')).toHaveLength(1)
  })
})
