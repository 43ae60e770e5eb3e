import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './ui/App'
import { applyUrlOptions, installTestHandle } from './state'
import { applyUrlScreens } from './ui/urlScreens'
import { registerServiceWorker } from './offline/register'

installTestHandle()
void applyUrlScreens(applyUrlOptions())
registerServiceWorker()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
