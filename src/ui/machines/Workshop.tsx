/** The image workshop (docker build): pick layers, read the Dockerfile, build a versioned image. */
import { useEffect, useRef, useState } from 'react'
import { IMAGE_LABELS } from '../../sim'
import { useGame, useUi, useWorld } from '../../state'
import { allowed } from '../actions'
import { useHud } from '../uiStore'
import { useWords } from '../useVocab'
import { useT } from '../i18n'
import {
  BASE_IMAGES,
  DEFAULT_RECIPE,
  LIBRARY_SOURCE,
  RUNTIME_LAYERS,
  RUNTIME_SOURCE,
  buildInstructions,
  dockerfileText,
  librariesFor,
  mbToMiB,
  nextTag,
  previewBuild,
  validRef,
} from './recipe'
import type { BaseId, PreviewRow, Recipe, RuntimeId } from './recipe'

const BASES = Object.keys(BASE_IMAGES) as BaseId[]
const RUNTIMES: RuntimeId[] = ['python', 'node', 'java', 'none']

/** What the last build printed, as `docker build` does: each step CACHED or built. */
interface BuildLog {
  ref: string
  ok: boolean
  rows: PreviewRow[]
  message: string
}

const mib = (n: number) => `${n} MiB`

function BuildOutput({ log }: { log: BuildLog }) {
  const n = log.rows.length
  return (
    <div className={`ws-result${log.ok ? '' : ' bad'}`} data-testid="ws-result" data-ok={log.ok} role="status">
      <strong>
        {log.ok ? '✔ ' : '✖ '}
        {log.message}
      </strong>
      {log.ok && (
        <pre className="ws-log" data-testid="ws-build-log">
          {log.rows
            .map((r, i) => `=> ${r.cached ? 'CACHED ' : ''}[${i + 1}/${n}] ${r.line}${r.cached ? '' : `  (${mib(r.sizeMiB)} new)`}`)
            .join('\n')}
          {`\n=> naming to ${log.ref}`}
        </pre>
      )}
    </div>
  )
}

function ImageList() {
  const world = useWorld()
  const w = useWords()
  const images = Object.values(world.images)
  const usedBy = (id: string) =>
    Object.values(world.apps)
      .filter((a) => a.imageId === id)
      .map((a) => a.name)
  return (
    <section aria-label={w('Kits in the shed', 'Images')} className="ws-images" data-testid="ws-images">
      <h3>
        {w('Kits already made', 'Images')} ({images.length})
      </h3>
      <ul>
        {images.map((im) => (
          <li key={im.id} data-testid={`ws-image-${im.ref}`}>
            <details>
              <summary>
                <strong>{im.ref}</strong> · {mib(im.sizeMiB)} · {im.layers.length}{' '}
                {w(im.layers.length === 1 ? 'part' : 'parts', im.layers.length === 1 ? 'layer' : 'layers')}
                {im.packages.length > 0 && (
                  <span className="muted">
                    {' '}
                    · {w('carries', 'packages')}: {im.packages.join(', ')}
                  </span>
                )}
                {usedBy(im.id).length > 0 && (
                  <span className="muted">
                    {' '}
                    · {w('used by', 'used by')} {usedBy(im.id).join(', ')}
                  </span>
                )}
              </summary>
              <ol className="ws-image-layers">
                {im.layers.map((id) => {
                  const l = world.layers[id]
                  return (
                    <li key={id}>
                      <code>{l?.instruction ?? id}</code> <span className="muted">{mib(l?.sizeMiB ?? 0)}</span>
                    </li>
                  )
                })}
              </ol>
            </details>
          </li>
        ))}
      </ul>
    </section>
  )
}

export function Workshop() {
  const world = useWorld()
  const vocab = useUi((s) => s.vocab)
  const w = useWords()
  const t = useT()
  const [recipe, setRecipe] = useState<Recipe>(DEFAULT_RECIPE)
  const [log, setLog] = useState<BuildLog | null>(null)
  const ref = useRef<HTMLDivElement>(null)
  const preview = previewBuild(world, recipe)
  const exists = Object.values(world.images).some((im) => im.ref === recipe.ref)
  const refOk = validRef(recipe.ref)
  const canBuild = allowed('buildImage')
  const set = (patch: Partial<Recipe>) => setRecipe((r) => ({ ...r, ...patch }))

  // Like the other sheets: focus moves in on open and back to where it was on close.
  useEffect(() => {
    const prev = document.activeElement as HTMLElement | null
    ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    return () => prev?.focus?.()
  }, [])

  const build = async () => {
    const rows = previewBuild(useGame.getState().world, recipe).rows
    // The world's own answer (in the simulation worker it comes back a moment later).
    const r = await useGame.getState().dispatchAsync({ type: 'buildImage', ref: recipe.ref, instructions: buildInstructions(recipe) })
    if (r.ok) {
      const made = rows.filter((x) => !x.cached).length
      setLog({
        ref: recipe.ref,
        ok: true,
        rows,
        message: w(
          `Kit ${recipe.ref} made: ${rows.length - made} parts from the shed, ${made} new.`,
          `Built ${recipe.ref}: ${rows.length - made} CACHED, ${made} built.`,
        ),
      })
      // Images never change: the next build needs a new tag, so offer one.
      set({ ref: nextTag(recipe.ref) })
    } else {
      setLog({ ref: recipe.ref, ok: false, rows, message: r[vocab] })
    }
  }

  const rt = recipe.runtime === 'none' ? null : RUNTIME_LAYERS[recipe.runtime]
  return (
    <div
      className="panel sheet wide workshop"
      role="dialog"
      aria-label={w('Kit workshop', 'Image builder (docker build)')}
      data-testid="workshop"
      ref={ref}
    >
      <div className="panel-head">
        <h2>
          {w('Kit workshop', 'Image builder')}{' '}
          <small className="muted">{w(`a ${IMAGE_LABELS.build.metaphor} is a Dockerfile`, 'docker build')}</small>
        </h2>
        <button type="button" data-testid="ws-close" aria-label="Close the workshop" onClick={() => useHud.getState().open(null)}>
          ✕
        </button>
      </div>
      <p className="muted ws-intro">
        {w(
          'A kit is a stack of prefab parts: the base (an OS without its own kernel), the language, the libraries, and your app on ' +
            'top. Parts already in the shed are reused; kits never change once made, so a new version needs a new tag.',
          'An image is a stack of read-only layers, one per instruction. The build cache reuses every layer up to the first changed ' +
            'instruction; images are immutable, so a new build needs a new tag.',
        )}
      </p>
      <div className="ws-grid">
        <form
          className="ws-form"
          aria-label={w('Blueprint', 'Recipe')}
          onSubmit={(e) => {
            e.preventDefault()
            void build()
          }}
        >
          <fieldset>
            <legend>{w('1. Base (the OS files, no kernel)', '1. Base image (FROM)')}</legend>
            {BASES.map((b, i) => (
              <label key={b} className="ws-option">
                <input
                  type="radio"
                  name="ws-base"
                  value={b}
                  data-testid={`ws-base-${b}`}
                  checked={recipe.base === b}
                  data-autofocus={i === 0 ? true : undefined}
                  onChange={() => set({ base: b })}
                />
                <code>{BASE_IMAGES[b].ref}</code>{' '}
                <span className="muted">
                  {mib(mbToMiB(BASE_IMAGES[b].mb))} · {BASE_IMAGES[b].distro}
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{w('2. Language', '2. Runtime (RUN apt-get / apk add)')}</legend>
            {RUNTIMES.map((id) => {
              const layer = id === 'none' ? null : RUNTIME_LAYERS[id][recipe.base]
              return (
                <label key={id} className="ws-option">
                  <input
                    type="radio"
                    name="ws-runtime"
                    value={id}
                    data-testid={`ws-runtime-${id}`}
                    checked={recipe.runtime === id}
                    onChange={() => set({ runtime: id, libraries: recipe.runtime === id ? recipe.libraries : [] })}
                  />
                  {id === 'none' ? w('none (a static program)', 'none (static binary)') : RUNTIME_LAYERS[id].label}
                  {layer && (
                    <span className="muted">
                      {' '}
                      {layer.pkg.split('@')[1]} from {BASE_IMAGES[recipe.base].pm} · {mib(mbToMiB(layer.mb))}
                    </span>
                  )}
                </label>
              )
            })}
          </fieldset>
          {rt && librariesFor(recipe.runtime).length > 0 && (
            <fieldset>
              <legend>{w('3. Libraries', '3. Libraries (RUN pip/npm install)')}</legend>
              {librariesFor(recipe.runtime).map((lib) => (
                <label key={lib.id} className="ws-option">
                  <input
                    type="checkbox"
                    data-testid={`ws-lib-${lib.id}`}
                    checked={recipe.libraries.includes(lib.id)}
                    onChange={(e) =>
                      set({ libraries: e.target.checked ? [...recipe.libraries, lib.id] : recipe.libraries.filter((x) => x !== lib.id) })
                    }
                  />
                  {lib.pkg.replace('@', ' ')} <span className="muted">{mib(mbToMiB(lib.mb))}</span>
                </label>
              ))}
            </fieldset>
          )}
          <fieldset>
            <legend>{w('4. Your app (COPY)', '4. Application layer (COPY)')}</legend>
            <label className="ws-field">
              {w('Source version', 'Source revision')}{' '}
              <input
                type="text"
                data-testid="ws-app-source"
                value={recipe.appSource}
                maxLength={40}
                onChange={(e) => set({ appSource: e.target.value })}
                aria-describedby="ws-app-help"
              />
            </label>
            <label className="ws-field">
              {w('Size', 'Size')} (MiB){' '}
              <input
                type="number"
                data-testid="ws-app-size"
                min={0}
                max={2048}
                step={1}
                value={recipe.appMiB}
                onChange={(e) => set({ appMiB: Math.max(0, Math.min(2048, Math.round(Number(e.target.value) || 0))) })}
              />
            </label>
            <small id="ws-app-help" className="muted">
              {w(
                'Change the source and only this part (and the ones above it) is made anew.',
                "COPY's cache key is the files' checksum: changed source, new layer; the layers below stay CACHED.",
              )}
            </small>
          </fieldset>
          <fieldset>
            <legend>{w('5. Name and tag', '5. Tag (-t name:tag)')}</legend>
            <label className="ws-field">
              {w('Kit name:tag', 'Image')}{' '}
              <input
                type="text"
                data-testid="ws-ref"
                value={recipe.ref}
                maxLength={128}
                aria-invalid={!refOk || exists}
                aria-describedby="ws-ref-help"
                onChange={(e) => set({ ref: e.target.value.trim() })}
              />
            </label>
            <small id="ws-ref-help" className={exists || !refOk ? 'ws-warn' : 'muted'} data-testid="ws-ref-help">
              {!refOk
                ? w('Write it as name:tag, e.g. web:1.1.', 'Use name:tag, e.g. web:1.1.')
                : exists
                  ? w(
                      `⚠ ${recipe.ref} already exists and kits never change: the workshop will refuse a different kit under this name. ` +
                        `Try ${nextTag(recipe.ref)}.`,
                      `⚠ ${recipe.ref} exists; images are immutable, a different build under this tag is refused. Try ` +
                        `${nextTag(recipe.ref)}.`,
                    )
                  : w('A new name: fine.', 'New tag.')}
            </small>
          </fieldset>
          <div className="row">
            <button
              type="submit"
              className="primary"
              data-testid="ws-build"
              disabled={!canBuild}
              title={canBuild ? '' : w('Not available in this level', 'buildImage is not in this level’s palette')}
            >
              ⚒ {w('Make the kit', 'docker build')}
            </button>
          </div>
          {log && <BuildOutput log={log} />}
        </form>
        <div className="ws-preview">
          <h3>Dockerfile</h3>
          <pre className="ws-dockerfile" data-testid="ws-dockerfile" aria-label="Dockerfile">
            {dockerfileText(recipe)}
          </pre>
          <h3>{w('Parts, bottom to top', 'Layers, bottom to top')}</h3>
          <table className="ws-layers" data-testid="ws-layers">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{w('Step', 'Instruction')}</th>
                <th scope="col">{w('Size', 'Size')}</th>
                <th scope="col">{w('In the shed?', 'Cache')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r, i) => (
                <tr key={i} data-testid={`ws-layer-${i}`} data-cached={r.cached} className={r.cached ? 'cached' : 'fresh'}>
                  <td>{i + 1}</td>
                  <td>
                    <code>{r.line}</code>
                  </td>
                  <td className="num">{mib(r.sizeMiB)}</td>
                  <td>{r.cached ? <strong>CACHED</strong> : <span>{w('new', 'build')}</span>}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {w('Whole kit', 'Total')}
                </th>
                <td className="num" data-testid="ws-total">
                  {mib(preview.totalMiB)}
                </td>
                <td>{w(`${mib(preview.cachedMiB)} in the shed`, `${mib(preview.cachedMiB)} cached`)}</td>
              </tr>
            </tfoot>
          </table>
          <p className="ws-carries" data-testid="ws-packages">
            {w('The kit carries', 'Packages in the image')}:{' '}
            {preview.packages.length ? preview.packages.join(', ') : w('nothing but the base', 'base only')}.{' '}
            <span className="muted">
              {w(
                'A room built from it finds these on any house, whatever the house has installed.',
                'A container gets these on any node, whatever the node has installed: no more "works on my machine".',
              )}
            </span>
          </p>
          <details className="sources">
            <summary>{t('insp.sources')}</summary>
            <ul>
              {BASES.map((b) => (
                <li key={b}>
                  <small>{BASE_IMAGES[b].source}</small>
                </li>
              ))}
              <li>
                <small>{RUNTIME_SOURCE}</small>
              </li>
              <li>
                <small>{LIBRARY_SOURCE}</small>
              </li>
              <li>
                <small>
                  Docker docs “Build cache” and “Image layers”: a layer is reused up to the first changed instruction; images are immutable,
                  tags name versions.
                </small>
              </li>
            </ul>
          </details>
          <ImageList />
        </div>
      </div>
    </div>
  )
}
