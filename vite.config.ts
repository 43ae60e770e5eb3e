/// <reference types="vitest/config" />
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { defineConfig } from 'vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'

/** Offline (src/offline): write sw.js with the list of every built file to precache, and a version from their names. */
function serviceWorker(): Plugin {
  return {
    name: 'house-of-pods-service-worker',
    apply: 'build',
    // After the bundle is final (Vite drops the empty JS stubs of CSS-only chunks late), list what was written.
    writeBundle(options, bundle) {
      const publicDir = new URL('./public/', import.meta.url)
      const publicFiles = existsSync(publicDir) ? readdirSync(publicDir).map((f) => `./${f}`) : []
      const built = Object.keys(bundle).filter((f) => f !== 'sw.js')
      const files = ['./', './index.html', ...publicFiles, ...built.map((f) => `./${f}`)]
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12)
      const template = readFileSync(new URL('./src/offline/serviceWorker.js', import.meta.url), 'utf8')
      const source = template.replace('__PRECACHE__', JSON.stringify([...new Set(files)])).replace('__VERSION__', version)
      writeFileSync(join(options.dir ?? 'dist', 'sw.js'), source)
    },
  }
}

export default defineConfig({
  plugins: [react(), serviceWorker()],
  base: './',
  server: { host: '127.0.0.1', port: 5173 },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    // Speed is the benchmark's job, not a test's: the 5 s default failed property tests that take 4 s alone when a
    // two-core machine is busy. A test that hangs still fails, after a minute.
    testTimeout: 60_000,
  },
})
