/**
 * Offline: after the first visit the built game (lessons, levels, assets) works with no network,
 * through a service worker that precaches every built file (vite.config.ts writes sw.js). Only in
 * a production build served over http(s); failure to register changes nothing.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return
  if (!/^https?:$/.test(location.protocol)) return
  if (new URLSearchParams(location.search).has('nosw')) return
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {})
  })
}
