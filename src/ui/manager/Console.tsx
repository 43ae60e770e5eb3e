/**
 * The kubectl console: type the commands you would type at a real cluster, see output shaped
 * like kubectl's. Paste YAML to apply it; export the street's workloads as YAML.
 * The Kubernetes schemas are heavy, so src/io loads only when the console first opens.
 */
import { useEffect, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useGame } from '../../state'
import type { Command, Result, World } from '../../sim'

type Io = typeof import('../../io/k8s') & typeof import('../../io/kubectl')

async function loadIo(): Promise<Io> {
  const [k8s, kubectl] = await Promise.all([import('../../io/k8s'), import('../../io/kubectl')])
  return { ...k8s, ...kubectl }
}

const dispatch = (c: Command) => useGame.getState().dispatch(c)

export function Console({ onClose }: { onClose?: () => void }) {
  const [io, setIo] = useState<Io | null>(null)
  const [lines, setLines] = useState<string[]>(['Type kubectl help to see what the building manager understands.'])
  const [input, setInput] = useState('')
  const [yaml, setYaml] = useState('')
  const history = useRef<string[]>([])
  const cursor = useRef(0)
  const outRef = useRef<HTMLPreElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  // `kubectl get ... -w`: the rows that change as time runs are printed until Esc or the next command.
  const watching = useRef<{ next: (w: World) => string[]; atMs: number } | null>(null)
  const [watchOn, setWatchOn] = useState(false)

  useEffect(() => {
    let live = true
    loadIo().then(
      (m) => live && setIo(m),
      (e: unknown) => setLines((l) => [...l, `error: the console could not load (${String(e)})`]),
    )
    inputRef.current?.focus()
    return () => {
      live = false
    }
  }, [])

  useEffect(() => {
    outRef.current?.scrollTo({ top: outRef.current.scrollHeight })
  }, [lines])

  const print = (...more: string[]) => setLines((l) => [...l, ...more].slice(-400))
  /** kubectl; on a street in the simulation worker it prints what it sent at once, and the worker's refusals as they come. */
  const kubectl = (io: Io, world: World, line: string, stdin: string): string => {
    const answers: Promise<Result>[] = []
    const send = (c: Command): Result => {
      const game = useGame.getState()
      if (!game.remote) return game.dispatch(c)
      answers.push(game.dispatchAsync(c))
      return { ok: true }
    }
    const out = io.kubectl(world, line, send, stdin)
    if (answers.length)
      void Promise.all(answers).then((rs) => {
        const errors = rs.flatMap((r) => (r.ok ? [] : [`error: ${r.technical}`]))
        if (errors.length) print(...errors)
      })
    return out
  }

  useEffect(() => {
    if (!watchOn) return
    const timer = setInterval(() => {
      const w = watching.current
      const world = useGame.getState().world
      if (!w || world.timeMs === w.atMs) return
      w.atMs = world.timeMs
      const more = w.next(world)
      if (more.length) print(...more)
    }, 500)
    return () => clearInterval(timer)
  }, [watchOn])

  const stopWatch = () => {
    if (!watching.current) return false
    watching.current = null
    setWatchOn(false)
    print('^C')
    return true
  }

  const run = () => {
    const line = input.trim()
    if (!line || !io) return
    history.current = [...history.current, line].slice(-50)
    cursor.current = history.current.length
    setInput('')
    stopWatch()
    const world = useGame.getState().world
    const w = io.watch(world, line, dispatch)
    if (w) {
      watching.current = { next: w.next, atMs: world.timeMs }
      setWatchOn(true)
      print(`$ ${line}`, w.first, '(watching: changed rows print as time runs; Esc stops)')
      return
    }
    // The YAML box is what `-f -` reads.
    print(`$ ${line}`, kubectl(io, world, line, yaml))
  }

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation()
    if (e.key === 'Enter') run()
    else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault()
      const h = history.current
      cursor.current = Math.max(0, Math.min(h.length, cursor.current + (e.key === 'ArrowUp' ? -1 : 1)))
      setInput(h[cursor.current] ?? '')
    } else if (e.key === 'Escape') {
      if (!stopWatch()) onClose?.()
    }
  }

  const apply = () => {
    if (!io) return
    print('$ kubectl apply -f -', kubectl(io, useGame.getState().world, 'apply -f -', yaml))
  }

  const exportAll = () => {
    if (!io) return
    setYaml(io.exportYaml(useGame.getState().world))
    print('$ kubectl get ns,pc,deploy,svc,hpa,pdb -o yaml   (written to the box below)')
  }

  return (
    <section className="panel console" aria-label="kubectl console" data-testid="kubectl-console">
      <header className="panel-head">
        <h2>kubectl console</h2>
        {onClose && (
          <button type="button" onClick={onClose} aria-label="Close the console">
            ✕
          </button>
        )}
      </header>
      <pre ref={outRef} className="console-out" data-testid="kubectl-output" aria-live="polite" tabIndex={0}>
        {lines.join('\n')}
      </pre>
      <label className="console-line">
        <span aria-hidden="true">$</span>
        <input
          ref={inputRef}
          data-testid="kubectl-input"
          aria-label="kubectl command"
          value={input}
          placeholder={io ? 'kubectl get pods' : 'loading…'}
          onChange={(e) => setInput(e.target.value)}
          onKeyDown={onKey}
          spellCheck={false}
          autoComplete="off"
        />
      </label>
      <label className="console-yaml">
        <span>YAML (Namespace, PriorityClass, Deployment, Service, HorizontalPodAutoscaler, PodDisruptionBudget)</span>
        <textarea
          data-testid="yaml-input"
          value={yaml}
          onChange={(e) => setYaml(e.target.value)}
          onKeyDown={(e) => e.stopPropagation()}
          rows={8}
          spellCheck={false}
        />
      </label>
      <div className="row">
        <button type="button" onClick={apply} disabled={!io || !yaml.trim()} data-testid="yaml-apply">
          Apply YAML
        </button>
        <button type="button" onClick={exportAll} disabled={!io} data-testid="yaml-export">
          Export the street as YAML
        </button>
      </div>
    </section>
  )
}
