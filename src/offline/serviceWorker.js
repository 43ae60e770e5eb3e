/* The offline copy of the game (a template: the build fills in the file list and the version).
 * Install: cache every built file. Pages (any ?settings) are network first, falling back to the
 * cached index.html; the hashed assets are cache first. A new build gets a new cache; old ones go. */
const VERSION = '__VERSION__'
const PRECACHE = __PRECACHE__
const CACHE = `house-of-pods-${VERSION}`

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('house-of-pods-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (event) => {
  const req = event.request
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return
  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req).catch(() =>
        caches
          .open(CACHE)
          .then((c) => c.match('./index.html'))
          .then((r) => r || Response.error()),
      ),
    )
    return
  }
  event.respondWith(caches.match(req, { ignoreSearch: true }).then((hit) => hit || fetch(req)))
})
