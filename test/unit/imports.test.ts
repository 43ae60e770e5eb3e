/**
 * The structure guard: imports run one way. It reads every source file under src/, resolves its
 * relative imports (type-only imports included: they tie files together for a reader too) and
 * checks the rules of DESIGN.md and STYLE.md (sections 1 and 13).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'

const SRC = resolve(__dirname, '../../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return sourceFiles(p)
    return /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts') ? [p] : []
  })
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

interface Graph {
  files: string[]
  /** file → the relative paths (from src/) it imports */
  local: Map<string, string[]>
  /** file → the package specifiers it imports */
  packages: Map<string, string[]>
}

function readGraph(): Graph {
  const abs = sourceFiles(SRC)
  const set = new Set(abs)
  const rel = (p: string) => relative(SRC, p).split('\\').join('/')
  const local = new Map<string, string[]>()
  const packages = new Map<string, string[]>()
  for (const f of abs) {
    const text = readFileSync(f, 'utf8')
    const mine: string[] = []
    const pkgs: string[] = []
    for (const m of text.matchAll(IMPORT)) {
      const spec = (m[1] ?? m[2])!
      if (!spec.startsWith('.')) {
        pkgs.push(spec)
        continue
      }
      const base = resolve(dirname(f), spec)
      const hit = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((e) => base + e).find((p) => set.has(p))
      if (hit) mine.push(rel(hit))
    }
    local.set(rel(f), mine)
    packages.set(rel(f), pkgs)
  }
  return { files: abs.map(rel), local, packages }
}

/** Strongly connected components with more than one file (Tarjan): each is an import cycle. */
export function importCycles(edges: Map<string, string[]>): string[][] {
  let index = 0
  const idx = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const on = new Set<string>()
  const out: string[][] = []
  const visit = (v: string) => {
    idx.set(v, index)
    low.set(v, index)
    index++
    stack.push(v)
    on.add(v)
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!))
    }
    if (low.get(v) === idx.get(v)) {
      const c: string[] = []
      let w: string
      do {
        w = stack.pop()!
        on.delete(w)
        c.push(w)
      } while (w !== v)
      if (c.length > 1 || (edges.get(v) ?? []).includes(v)) out.push(c.sort())
    }
  }
  for (const v of edges.keys()) if (!idx.has(v)) visit(v)
  return out
}

/**
 * The layers of src/sim, bottom up (STYLE.md 13: types → result → indexes → operations → systems →
 * commands → step). A file may import its own layer or a lower one, never a higher one.
 */
const SIM_LAYERS: [string, RegExp][] = [
  ['types', /^sim\/(types|model|commandTypes|constants|rng|labels|hash|nodeLabels|schedulingFigures|podFigures|qos|podNames)\.ts$/],
  ['result', /^sim\/((result|world|events|matching)|messages\/\w+)\.ts$/],
  ['indexes', /^sim\/(containerIndex|probeCalendar|specialRooms)\.ts$/],
  ['operations', /^sim\/(capacity|containers|images|vmOps|breach|oom|hosts|upgrade)\.ts$/],
  ['systems', /^sim\/systems\/\w+\.ts$/],
  ['commands', /^sim\/commands\/\w+\.ts$/],
  ['step', /^sim\/step\.ts$/],
  ['scenarios', /^sim\/(lab|scale|timeline|index|mirror)\.ts$/],
]
const layerOf = (f: string): number => SIM_LAYERS.findIndex(([, re]) => re.test(f))

const graph = readGraph()
const VIEW_PACKAGES = /^(react|react-dom|three|zustand|@react-three\/)/
const DOM_GLOBALS = /\b(window|document|localStorage|sessionStorage|requestAnimationFrame|navigator)\./

describe('imports run one way', () => {
  test('the cycle finder finds a cycle when there is one (so the next test can fail)', () => {
    const edges = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ])
    expect(importCycles(edges)).toEqual([['a.ts', 'b.ts', 'c.ts']])
    edges.set('c.ts', [])
    expect(importCycles(edges)).toEqual([])
  })

  test('no import cycle anywhere in src/', () => {
    expect(importCycles(graph.local)).toEqual([])
  })

  test('src/sim imports no React, three.js, zustand, DOM or outer folder', () => {
    const bad: string[] = []
    for (const f of graph.files.filter((f) => f.startsWith('sim/'))) {
      for (const p of graph.packages.get(f)!) if (VIEW_PACKAGES.test(p)) bad.push(`${f} → ${p}`)
      for (const t of graph.local.get(f)!) if (!t.startsWith('sim/')) bad.push(`${f} → ${t}`)
      const text = readFileSync(join(SRC, f), 'utf8')
      if (DOM_GLOBALS.test(text)) bad.push(`${f} uses a DOM global`)
      if (/\bMath\.random\(|\bDate\.now\(/.test(text)) bad.push(`${f} uses Math.random or Date.now (the world owns time and chance)`)
    }
    expect(bad).toEqual([])
  })

  test('src/io and src/levels import no view code (React, three.js, state, scene, ui)', () => {
    const bad: string[] = []
    for (const f of graph.files.filter((f) => /^(io|levels)\//.test(f))) {
      for (const p of graph.packages.get(f)!) if (VIEW_PACKAGES.test(p)) bad.push(`${f} → ${p}`)
      for (const t of graph.local.get(f)!) if (/^(state|scene|ui)\//.test(t)) bad.push(`${f} → ${t}`)
    }
    expect(bad).toEqual([])
  })

  test('the folders depend one way: ui → scene → state → levels → sim, io → sim', () => {
    const rank: Record<string, number> = { sim: 0, io: 1, levels: 1, state: 2, scene: 3, ui: 4, worker: 2 }
    const bad: string[] = []
    for (const [f, targets] of graph.local) {
      const from = f.split('/')[0]!
      for (const t of targets) {
        const to = t.split('/')[0]!
        if (from === to || !(from in rank) || !(to in rank)) continue
        // io and levels are siblings: neither imports the other.
        if (rank[to]! >= rank[from]!) bad.push(`${f} → ${t}`)
      }
    }
    expect(bad).toEqual([])
  })

  test('every file of src/sim has a layer, and imports only its own layer or lower ones', () => {
    const bad: string[] = []
    for (const f of graph.files.filter((f) => f.startsWith('sim/'))) {
      const mine = layerOf(f)
      if (mine < 0) {
        bad.push(`${f} has no layer: add it to SIM_LAYERS in this test`)
        continue
      }
      for (const t of graph.local.get(f)!) {
        const theirs = layerOf(t)
        if (theirs > mine) bad.push(`${f} (${SIM_LAYERS[mine]![0]}) → ${t} (${SIM_LAYERS[theirs]![0]})`)
      }
    }
    expect(bad).toEqual([])
  })

  test('commands never reach into a system', () => {
    const bad = graph.files
      .filter((f) => f.startsWith('sim/commands/'))
      .flatMap((f) =>
        graph.local
          .get(f)!
          .filter((t) => t.startsWith('sim/systems/'))
          .map((t) => `${f} → ${t}`),
      )
    expect(bad).toEqual([])
  })

  test('no file imports the barrel (index.ts) of its own folder', () => {
    const bad: string[] = []
    for (const [f, targets] of graph.local) {
      const folder = dirname(f)
      for (const t of targets) if (/\/index\.tsx?$/.test(t) && dirname(t) === folder && t !== f) bad.push(`${f} → ${t}`)
    }
    expect(bad).toEqual([])
  })

  test('no source line is longer than 140 characters (the width of the formatter, strings and comments included)', () => {
    const long: string[] = []
    for (const f of graph.files) {
      readFileSync(join(SRC, f), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if ([...line].length > 140) long.push(`src/${f}:${i + 1} (${[...line].length})`)
        })
    }
    expect(long).toEqual([])
  })
})
