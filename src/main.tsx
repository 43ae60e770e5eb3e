import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './ui/App'
import { applyUrlOptions, installTestHandle } from './state'
import { applyUrlScreens } from './ui/urlScreens'

installTestHandle()
void applyUrlScreens(applyUrlOptions())

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
