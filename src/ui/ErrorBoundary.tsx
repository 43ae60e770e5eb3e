/**
 * Error boundaries. The app boundary replaces a crashed UI with a readable message and a way
 * back to the menu (the game store survives). The scene boundary keeps the HUD alive when the
 * 3D view fails, for example without WebGL.
 */
import { Component } from 'react'
import type { ErrorInfo, ReactNode } from 'react'
import { backToMenu } from './navigation'
import { tNow } from './i18n'

interface State {
  error: Error | null
}

export class AppBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('House of Pods UI error', error, info.componentStack)
  }

  private back = () => {
    backToMenu()
    this.setState({ error: null })
  }

  override render() {
    if (!this.state.error) return this.props.children
    return (
      <main className="screen error-screen" role="alert" data-testid="app-error">
        <div className="card">
          <h1>{tNow('err.title')}</h1>
          <p>{tNow('err.screen', { error: this.state.error.message || String(this.state.error) })}</p>
          <p className="muted">{tNow('err.safe')}</p>
          <button type="button" className="big" data-testid="btn-menu" onClick={this.back} autoFocus>
            {tNow('err.back')}
          </button>
        </div>
      </main>
    )
  }
}

export class SceneBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error): void {
    console.warn('House of Pods scene error', error.message)
  }

  override render() {
    if (!this.state.error) return this.props.children
    const webgl = /webgl|context/i.test(this.state.error.message)
    return (
      <div className="scene-fallback" role="note" data-testid={webgl ? 'no-webgl' : 'scene-error'}>
        <p>{webgl ? tNow('err.webgl') : tNow('err.scene', { error: this.state.error.message })}</p>
      </div>
    )
  }
}
