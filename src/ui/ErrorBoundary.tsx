/**
 * Error boundaries. The app boundary replaces a crashed UI with a readable message and a way
 * back to the menu (the game store survives). The scene boundary keeps the HUD alive when the
 * 3D view fails, for example without WebGL.
 */
import { Component } from 'react'
import type { ErrorInfo, ReactNode } from 'react'
import { backToMenu } from './navigation'

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
          <h1>Something in the game broke</h1>
          <p>The screen could not be drawn: {this.state.error.message || String(this.state.error)}</p>
          <p className="muted">Your saved progress is safe. Go back to the menu and try again.</p>
          <button type="button" className="big" data-testid="btn-menu" onClick={this.back} autoFocus>
            Back to menu
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
        <p>
          {webgl
            ? 'This browser could not start 3D graphics (WebGL), so the street is not drawn. Everything else works: use the street ' +
              'list and the panels.'
            : `The 3D view stopped: ${this.state.error.message}. The panels still work.`}
        </p>
      </div>
    )
  }
}
