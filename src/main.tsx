import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './ui/App'
import { applyUrlOptions, installTestHandle } from './state'
import { applyUrlScreens } from './ui/urlScreens'
import { registerServiceWorker } from './offline/register'
import { followLanguage } from './ui/i18n/packs'

installTestHandle()
void applyUrlScreens(applyUrlOptions())
// After the link's settings: a lang= other than English starts loading its pack now.
followLanguage()
registerServiceWorker()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
